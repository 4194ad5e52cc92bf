package dev.schemagate.postgres.observe;

import dev.schemagate.data.SeedReport;
import dev.schemagate.data.TableSeed;
import dev.schemagate.dialect.Profiling;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import dev.schemagate.postgres.data.SeriesFill;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Profiling on PostgreSQL: empty tables are filled with {@link SeriesFill} and then vacuumed and
 * analyzed, as autovacuum leaves a production table; the write-ahead log position is
 * {@code pg_current_wal_insert_lsn()}, and temporary-file bytes come from {@code pg_stat_database},
 * whose own pending figures a backend flushes when it goes idle ({@code pg_stat_force_next_flush},
 * PostgreSQL 15 and later; older servers report none). Pages read are the current transaction's own
 * {@code pg_stat_get_xact_blocks_fetched} over the database's tables, which a backend sees before
 * they are flushed.
 */
public final class PostgresProfiling implements Profiling {

    /** Fixed, so that two profiles of one history fill the same rows. */
    private static final long SEED = 42;

    /** Tables the fill could not put a row in, as they were then: not tried again until a migration changes them. */
    private final Map<QualifiedName, Table> unfillable = new HashMap<>();

    @Override
    public boolean blocksWrites(String mode) {
        return PostgresLocks.blocksWrites(mode);
    }

    @Override
    public String stepsWithoutBlockingWrites() {
        return "add the column nullable, backfill in batches, build the index CONCURRENTLY, NOT VALID then VALIDATE";
    }

    @Override
    public SeedReport fill(Connection connection, SchemaRead schema, int rows) throws SQLException {
        Set<QualifiedName> empty = emptyTables(connection);
        if (empty.isEmpty()) {
            return new SeedReport(List.of());
        }
        Snapshot snapshot = schema.read();
        List<QualifiedName> toFill = snapshot.tables().stream()
                .filter(table -> empty.contains(table.qualifiedName()) && !table.equals(unfillable.get(table.qualifiedName())))
                .map(Table::qualifiedName).toList();
        if (toFill.isEmpty()) {
            return new SeedReport(List.of());
        }
        SeedReport report = SeriesFill.fill(connection, snapshot, toFill, rows, SEED);
        try (Statement statement = connection.createStatement()) {
            for (TableSeed table : report.tables()) {
                if (table.inserted() > 0) {
                    statement.execute("VACUUM ANALYZE " + quoted(table.table()));
                } else {
                    snapshot.table(table.table()).ifPresent(t -> unfillable.put(table.table(), t));
                }
            }
        }
        return report;
    }

    @Override
    public WorkCounters counters(Connection connection) throws SQLException {
        boolean flushes = connection.getAutoCommit() && connection.getMetaData().getDatabaseMajorVersion() >= 15;
        try (Statement statement = connection.createStatement()) {
            if (flushes) {
                statement.execute("SELECT pg_stat_force_next_flush()");
            }
            try (ResultSet rs = statement.executeQuery("SELECT pg_stat_clear_snapshot(),"
                    + " (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint,"
                    + " (SELECT temp_bytes FROM pg_stat_database WHERE datname = current_database()),"
                    + " (SELECT coalesce(sum(pg_stat_get_xact_blocks_fetched(c.oid)), 0) FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'm')"
                    + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast')")) {
                rs.next();
                return new WorkCounters(rs.getLong(2), flushes ? rs.getLong(3) : -1, connection.getAutoCommit() ? -1 : rs.getLong(4));
            }
        }
    }

    @Override
    public <T> T withoutRows(Connection connection, Work<T> work) throws SQLException {
        List<QualifiedName> tables = userTables(connection);
        connection.setAutoCommit(false);
        try {
            if (!tables.isEmpty()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("TRUNCATE " + String.join(", ", tables.stream().map(PostgresProfiling::quoted).toList()) + " CASCADE");
                }
            }
            return work.run();
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** The tables (not partitions, not catalogs) that hold no row, asked in one query. */
    private static Set<QualifiedName> emptyTables(Connection connection) throws SQLException {
        List<QualifiedName> tables = userTables(connection);
        Set<QualifiedName> empty = new LinkedHashSet<>();
        if (tables.isEmpty()) {
            return empty;
        }
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < tables.size(); i++) {
            query.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i)
                    .append(" WHERE NOT EXISTS (SELECT 1 FROM ").append(quoted(tables.get(i))).append(")");
        }
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query.toString())) {
            while (rs.next()) {
                empty.add(tables.get(rs.getInt(1)));
            }
        }
        return empty;
    }

    /** The tables of the database's own schemas (not partitions). */
    private static List<QualifiedName> userTables(Connection connection) throws SQLException {
        List<QualifiedName> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition"
                        + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_)'"
                        + " ORDER BY 1, 2")) {
            while (rs.next()) {
                tables.add(QualifiedName.of(rs.getString(1), rs.getString(2)));
            }
        }
        return tables;
    }

    private static String quoted(QualifiedName name) {
        return '"' + name.schema().replace("\"", "\"\"") + "\".\"" + name.name().replace("\"", "\"\"") + '"';
    }
}
