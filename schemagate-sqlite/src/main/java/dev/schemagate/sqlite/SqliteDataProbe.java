package dev.schemagate.sqlite;

import dev.schemagate.data.DataProbe;
import dev.schemagate.data.FailedStatement;
import dev.schemagate.data.IntegrityProblem;
import dev.schemagate.data.RowReader;
import dev.schemagate.data.SeedOrder;
import dev.schemagate.data.SeedReport;
import dev.schemagate.data.TableRows;
import dev.schemagate.data.TableSeed;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Table data on SQLite: synthetic rows from {@link SqliteRows}, rows read back as SQLite renders
 * them as text, and the integrity questions SQLite answers itself: {@code PRAGMA foreign_key_check}
 * (rows whose parent is missing, left by a rebuild run with foreign keys off) and
 * {@code PRAGMA integrity_check}.
 */
final class SqliteDataProbe implements DataProbe {

    /** The most rows of one table read back; beyond it only the count is compared. */
    static final int CAPTURE_LIMIT = 10_000;

    /** Rows read back in the order SQLite gives them (rowid order for a plain table). */
    private static final RowReader READER = new RowReader(SqliteRows::quote, CAPTURE_LIMIT, false);

    @Override
    public SeedReport seed(Connection connection, Snapshot snapshot, Collection<QualifiedName> tables, int rowsPerTable,
                           long seed) throws SQLException {
        List<TableSeed> seeded = new ArrayList<>();
        for (Table table : SeedOrder.parentsFirst(snapshot, tables)) {
            seeded.add(SqliteRows.fill(connection, table, rowsPerTable, seed));
        }
        return new SeedReport(seeded);
    }

    @Override
    public Map<QualifiedName, TableRows> capture(Connection connection, Snapshot snapshot, Collection<QualifiedName> tables)
            throws SQLException {
        return READER.capture(connection, snapshot, tables);
    }

    /** SQLite converts by type affinity and never refuses a stored value in a cast, so no sample value explains a failure. */
    @Override
    public long reseed(Connection connection, Snapshot now, FailedStatement failure) {
        return 0;
    }

    /**
     * SQLite adds a foreign key only by rebuilding the table, and with foreign keys off nothing
     * refuses the copied rows: each single-column key of {@code target} that the same table of
     * {@code now} lacks gets its child values pointed at existing parent rows, as production rows
     * would. A key whose values cannot be conformed (a parent without rows under a NOT NULL column)
     * is left as it is.
     */
    @Override
    public long conform(Connection connection, Snapshot now, Snapshot target) throws SQLException {
        long changed = 0;
        for (Table table : target.tables()) {
            Table before = now.table(table.qualifiedName()).orElse(null);
            if (before == null) {
                continue;
            }
            for (Constraint key : table.constraints()) {
                if (key.type() == Constraint.Type.FOREIGN_KEY && before.constraint(key.name()).isEmpty()
                        && key.columns().size() == 1 && key.referencedColumns().size() == 1
                        && before.column(key.columns().get(0)).isPresent()
                        && now.table(key.referencedTable()).flatMap(p -> p.column(key.referencedColumns().get(0))).isPresent()) {
                    changed += SqliteRows.pointAtParents(connection, before, key);
                }
            }
        }
        return changed;
    }

    @Override
    public List<IntegrityProblem> integrity(Connection connection) throws SQLException {
        List<IntegrityProblem> problems = new ArrayList<>();
        for (String table : tables(connection)) {
            problems.addAll(orphans(connection, table));
        }
        try (PreparedStatement check = connection.prepareStatement("pragma integrity_check");
             ResultSet rows = check.executeQuery()) {
            while (rows.next()) {
                String line = rows.getString(1);
                if (!"ok".equals(line)) {
                    problems.add(new IntegrityProblem(IntegrityProblem.Kind.DAMAGED,
                            new QualifiedName(SqliteIntrospector.SCHEMA, SqliteRows.tableNamed(line)), line, line));
                }
            }
        }
        return problems;
    }

    /**
     * The rows of one table whose parent row is missing, per parent; a foreign key SQLite cannot
     * check at all ({@code foreign key mismatch}: the parent columns are not a key) is a problem too.
     */
    private static List<IntegrityProblem> orphans(Connection connection, String table) throws SQLException {
        QualifiedName name = new QualifiedName(SqliteIntrospector.SCHEMA, table);
        Map<String, Integer> byParent = new TreeMap<>();
        try (PreparedStatement check = connection.prepareStatement("select parent from pragma_foreign_key_check(?)")) {
            check.setString(1, table);
            try (ResultSet rows = check.executeQuery()) {
                while (rows.next()) {
                    byParent.merge(rows.getString(1), 1, Integer::sum);
                }
            }
        } catch (SQLException unchecked) {
            if (connection.isClosed()) {
                throw unchecked;
            }
            String message = SqliteDialect.error(unchecked).message();
            return List.of(new IntegrityProblem(IntegrityProblem.Kind.DAMAGED, name, "foreign keys", message));
        }
        List<String> tables = byParent.isEmpty() ? List.of() : tables(connection);
        List<IntegrityProblem> problems = new ArrayList<>();
        byParent.forEach((parent, count) -> problems.add(new IntegrityProblem(IntegrityProblem.Kind.FOREIGN_KEY_ORPHANS,
                name, "to " + parent, count + (count == 1 ? " row references" : " rows reference") + " no row of " + parent
                + (tables.contains(parent) ? "" : " (no table " + parent + " exists: it was dropped or renamed under the key)"))));
        return problems;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement list = connection.prepareStatement("select name from sqlite_schema where type = 'table'"
                + " and name not like 'sqlite\\_%' escape '\\' order by name"); ResultSet rows = list.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
