package dev.schemagate.mysql;

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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Table data on MySQL and MariaDB: synthetic rows from {@link MysqlRows}, rows read back as the
 * server renders them as text, and the integrity question MySQL leaves to its users: rows whose
 * foreign key matches no parent row, which the server lets in while {@code foreign_key_checks}
 * is 0 (as dump loads and many migration scripts set it) and never checks again.
 */
final class MysqlDataProbe implements DataProbe {

    /** The most rows of one table read back; beyond it only the count is compared. */
    static final int CAPTURE_LIMIT = 10_000;

    /** Rows read back in primary key order. */
    private static final RowReader READER = new RowReader(MysqlRows::quote, CAPTURE_LIMIT, true);

    @Override
    public SeedReport seed(Connection connection, Snapshot snapshot, Collection<QualifiedName> tables, int rowsPerTable,
                           long seed) throws SQLException {
        List<TableSeed> seeded = new ArrayList<>();
        for (Table table : SeedOrder.parentsFirst(snapshot, tables)) {
            seeded.add(MysqlRows.fill(connection, table, rowsPerTable, seed));
        }
        return new SeedReport(seeded);
    }

    @Override
    public Map<QualifiedName, TableRows> capture(Connection connection, Snapshot snapshot, Collection<QualifiedName> tables)
            throws SQLException {
        return READER.capture(connection, snapshot, tables);
    }

    /** MySQL converts a value it cannot cast with a warning or an error of its own; no sample value is re-seeded. */
    @Override
    public long reseed(Connection connection, Snapshot now, FailedStatement failure) {
        return 0;
    }

    /**
     * Points the values of each new one-column foreign key that match no parent row at parent rows,
     * as production rows would be; a column that refuses the change is left as it is.
     */
    @Override
    public long conform(Connection connection, Snapshot now, Snapshot target) throws SQLException {
        long changed = 0;
        for (Table table : target.tables()) {
            Table before = now.table(table.qualifiedName()).orElse(null);
            if (before == null) {
                continue;
            }
            for (Constraint key : SeedOrder.foreignKeys(table)) {
                if (!holds(before, key) && key.columns().size() == 1
                        && before.column(key.columns().get(0)).isPresent()
                        && now.table(key.referencedTable()).flatMap(p -> p.column(key.referencedColumns().get(0))).isPresent()) {
                    changed += pointAtParents(connection, before, key);
                }
            }
        }
        return changed;
    }

    /**
     * Whether {@code table} already had a key on the same columns to the same table; a table rebuilt
     * by rename, create and copy starts its generated names ({@code t_ibfk_1}) again, so a name may
     * now stand for another key.
     */
    private static boolean holds(Table table, Constraint key) {
        return SeedOrder.foreignKeys(table).stream().anyMatch(was -> was.columns().equals(key.columns())
                && was.referencedTable().equals(key.referencedTable()));
    }

    private static long pointAtParents(Connection connection, Table table, Constraint key) throws SQLException {
        String column = MysqlRows.quote(key.columns().get(0));
        String parent = MysqlRows.quote(key.referencedTable().name());
        String parentColumn = MysqlRows.quote(key.referencedColumns().get(0));
        String sql = "update " + MysqlRows.quote(table.name()) + " c join (select min(" + parentColumn + ") as v from "
                + parent + ") p set c." + column + " = p.v where c." + column + " is not null and not exists (select 1 from "
                + parent + " x where x." + parentColumn + " = c." + column + ")";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            return update.executeUpdate();
        } catch (SQLException refused) {
            if (connection.isClosed()) {
                throw refused;
            }
            return 0;
        }
    }

    @Override
    public List<IntegrityProblem> integrity(Connection connection) throws SQLException {
        List<IntegrityProblem> problems = new ArrayList<>();
        Snapshot snapshot = MysqlIntrospector.snapshot(connection);
        for (Table table : snapshot.tables()) {
            for (Constraint key : SeedOrder.foreignKeys(table)) {
                long orphans = orphans(connection, table, key);
                if (orphans > 0) {
                    problems.add(new IntegrityProblem(IntegrityProblem.Kind.FOREIGN_KEY_ORPHANS, table.qualifiedName(),
                            key.name(), orphans + (orphans == 1 ? " row references" : " rows reference") + " no row of "
                            + key.referencedTable().name() + " (loaded while foreign_key_checks was 0)"));
                }
            }
        }
        return problems;
    }

    /** Rows whose key columns are all set and match no parent row (MySQL's MATCH SIMPLE). */
    private static long orphans(Connection connection, Table table, Constraint key) throws SQLException {
        QualifiedName parent = key.referencedTable();
        String parentTable = parent.schema().equals(MysqlIntrospector.SCHEMA) ? MysqlRows.quote(parent.name())
                : MysqlRows.quote(parent.schema()) + "." + MysqlRows.quote(parent.name());
        List<String> set = new ArrayList<>();
        List<String> match = new ArrayList<>();
        for (int i = 0; i < key.columns().size(); i++) {
            set.add("c." + MysqlRows.quote(key.columns().get(i)) + " is not null");
            match.add("p." + MysqlRows.quote(key.referencedColumns().get(i)) + " = c." + MysqlRows.quote(key.columns().get(i)));
        }
        try {
            return RowReader.count(connection, "select count(*) from " + MysqlRows.quote(table.name()) + " c where "
                    + String.join(" and ", set) + " and not exists (select 1 from " + parentTable + " p where "
                    + String.join(" and ", match) + ")");
        } catch (SQLException missingParent) {
            if (connection.isClosed()) {
                throw missingParent;
            }
            return RowReader.count(connection, "select count(*) from " + MysqlRows.quote(table.name()) + " c where " + String.join(" and ", set));
        }
    }
}
