package dev.schemagate.postgres.observe;

import dev.schemagate.data.FailedStatement;
import dev.schemagate.data.SeedReport;
import dev.schemagate.data.TableSeed;
import dev.schemagate.lint.Seeder;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import dev.schemagate.postgres.data.CastReseeding;
import dev.schemagate.postgres.data.PostgresDataProbe;
import dev.schemagate.postgres.data.RowConformance;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Observed linting's seeder on PostgreSQL: hands the empty tables of the current schema to the
 * constraint-aware {@link dev.schemagate.postgres.data.Seeder} (the one the data check uses), turns
 * the tables it could not fill into {@link Skipped} notes, and remembers the tables it filled by
 * oid, so that {@link #clear} still finds them after a migration renamed them. A table it could not
 * put a single row in is not tried again until a migration changes it: a failing insert is retried
 * row by row, which would otherwise cost every migration of a long history as much again.
 */
final class ConstraintAwareSeeder implements Seeder {

    /** Fixed, so that two lint runs of one history seed the same rows. */
    private static final long SEED = 42;
    /** Tables asked at once whether they are empty: each is locked for the question, and locks are counted per transaction. */
    private static final int EMPTINESS_BATCH = 100;
    private static final PostgresDataProbe MARKS = new PostgresDataProbe();

    private final Set<Long> filled = new LinkedHashSet<>();
    private final Map<Long, Table> unfillable = new HashMap<>();
    /** Tables seen holding rows, with their row mark then: while it stays, so do their rows. */
    private final Map<QualifiedName, String> holdingRows = new HashMap<>();

    @Override
    public List<Skipped> seed(Connection connection, Work<Snapshot> schema, int rows) throws SQLException {
        Set<QualifiedName> maybeEmpty = maybeEmpty(connection);
        if (maybeEmpty.isEmpty()) {
            return List.of();
        }
        Snapshot snapshot = schema.run();
        Map<QualifiedName, Long> empty = new LinkedHashMap<>();
        for (Table table : snapshot.tables()) {
            if (table.postgres().partitionOf() == null && maybeEmpty.contains(table.qualifiedName())) {
                Resolved resolved = resolve(connection, table.qualifiedName());
                if (!table.equals(unfillable.get(resolved.oid())) && isEmpty(connection, resolved)) {
                    empty.put(table.qualifiedName(), resolved.oid());
                }
            }
        }
        if (empty.isEmpty()) {
            return List.of();
        }
        SeedReport report = dev.schemagate.postgres.data.Seeder.seed(connection, snapshot, empty.keySet(), rows, SEED);
        List<Skipped> skipped = new ArrayList<>();
        for (TableSeed table : report.tables()) {
            long oid = empty.get(table.table());
            if (table.inserted() > 0) {
                filled.add(oid);
            } else {
                snapshot.table(table.table()).ifPresent(unfillable -> this.unfillable.put(oid, unfillable));
            }
            if (!table.skipped() && !table.complete()) {
                skipped.add(new Skipped(table.table().name(), table.inserted() + " of " + table.requested()
                        + " rows went in: " + String.join("; ", table.problems().stream().map(p -> stripTable(p, table)).toList())));
            }
        }
        return skipped;
    }

    @Override
    public void clear(Connection connection) throws SQLException {
        truncateFilled(connection);
        filled.clear();
    }

    @Override
    public <T> T withoutRows(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            truncateFilled(connection);
            return work.run();
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    @Override
    public long conform(Connection connection, Snapshot now, Snapshot target) throws SQLException {
        return RowConformance.toForeignKeys(connection, now, target);
    }

    @Override
    public long reseed(Connection connection, Snapshot now, FailedStatement failure) throws SQLException {
        return CastReseeding.reseed(connection, now, failure);
    }

    private void truncateFilled(Connection connection) throws SQLException {
        if (filled.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT oid::regclass::text FROM pg_class WHERE oid::bigint = ANY (?) AND relkind IN ('r', 'p')")) {
            Array oids = connection.createArrayOf("bigint", filled.toArray());
            query.setArray(1, oids);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        if (!names.isEmpty()) {
            try (java.sql.Statement truncate = connection.createStatement()) {
                truncate.execute("TRUNCATE " + String.join(", ", names) + " CASCADE");
            }
        }
    }

    /**
     * The tables (not partitions) that may hold no row, none when every table holds rows: asked of a
     * few tables at a time, so that when none is empty there is nothing to seed and the schema need not
     * be read. A table seen holding rows is not asked again while its row mark stays where it was then
     * (outside a transaction, where marks hold), nor looked at by the seeding, so a long history or a
     * wide schema costs the tables a migration wrote, not every table. A server without row marks has
     * every table asked.
     */
    private Set<QualifiedName> maybeEmpty(Connection connection) throws SQLException {
        Optional<Map<QualifiedName, String>> read = MARKS.rowMarks(connection);
        Map<QualifiedName, String> marks = read.orElse(Map.of());
        boolean remember = connection.getAutoCommit() && read.isPresent();
        List<QualifiedName> names = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (java.sql.Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT n.nspname, c.relname, c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition"
                        + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_)'")) {
            while (rs.next()) {
                QualifiedName name = QualifiedName.of(rs.getString(1), rs.getString(2));
                String mark = marks.get(name);
                if (mark == null || !mark.equals(holdingRows.get(name))) {
                    names.add(name);
                    tables.add(rs.getString(3));
                }
            }
        }
        for (int from = 0; from < tables.size(); from += EMPTINESS_BATCH) {
            int to = Math.min(tables.size(), from + EMPTINESS_BATCH);
            String query = tables.subList(from, to).stream()
                    .map(table -> "SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM " + table + ")")
                    .collect(java.util.stream.Collectors.joining(" UNION ALL ", "SELECT EXISTS (", ")"));
            try (java.sql.Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return new HashSet<>(names.subList(from, names.size()));
                }
            }
            if (remember) {
                names.subList(from, to).forEach(name -> holdingRows.put(name, marks.get(name)));
            }
        }
        return Set.of();
    }

    /** Whether the table holds no row; its name is written by the server ({@code regclass}), quoted as needed. */
    private static boolean isEmpty(Connection connection, Resolved table) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM " + table.sql() + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** A table's oid and its name as SQL. */
    private record Resolved(long oid, String sql) {
    }

    private static Resolved resolve(Connection connection, QualifiedName table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT c.oid, c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = ? AND c.relname = ?")) {
            query.setString(1, table.schema());
            query.setString(2, table.name());
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return new Resolved(rs.getLong(1), rs.getString(2));
            }
        }
    }

    /** The seeder's problem lines start with the table's name, which the note already gives. */
    private static String stripTable(String problem, TableSeed table) {
        String prefix = table.table() + ": ";
        return problem.startsWith(prefix) ? problem.substring(prefix.length()) : problem;
    }
}
