package dev.schemagate.postgres.data;

import dev.schemagate.data.SeedReport;
import dev.schemagate.data.TableSeed;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Fills tables with synthetic rows that satisfy their constraints, so the data check has rows
 * to watch through a migration's up, down and up again.
 *
 * <p>Tables are seeded referenced tables first, each in one multi-row {@code INSERT ... SELECT}, all of
 * them sent together (one round trip); when the database rejects that, table by table, and when it
 * rejects a table's insert, row by row, keeping the rows it accepts and
 * reporting the first rejection. Values are derived from the seed, the table and column names and
 * the row number only, so the same seed gives the same rows on the same database. Foreign key
 * columns take the values of rows already in the referenced tables (see {@link InsertSql}).
 *
 * <p>A partitioned table is seeded through its parent: the rows go to whichever partition accepts
 * them, and when none does, the database's refusal is reported. Partitions themselves are skipped,
 * since rows inserted through a partition must fall in its bounds, which generated values do not
 * aim for. Views and foreign tables are not tables of the snapshot and are never written.
 *
 * <p>Works in autocommit mode (plain statements) and inside an open transaction (each insert under
 * a savepoint, so a rejected row leaves the transaction usable).
 */
public final class Seeder {

    private Seeder() {
    }

    public static SeedReport seed(Connection connection, Snapshot snapshot, Collection<QualifiedName> tables,
                                  int rowsPerTable, long seed) throws SQLException {
        Values values = new Values(snapshot);
        List<QualifiedName> ordered = TableOrder.of(snapshot, List.copyOf(tables));
        List<TablePlan> plans = new ArrayList<>();
        for (QualifiedName name : ordered) {
            snapshot.table(name).filter(table -> table.postgres().partitionOf() == null)
                    .ifPresent(table -> plans.add(TablePlan.of(table, values, seed)));
        }
        Optional<List<Integer>> together = rowsPerTable > 0 && plans.stream().allMatch(plan -> plan.problems().isEmpty())
                ? Inserter.insertAll(connection, plans.stream().map(plan -> InsertSql.render(plan, rows(rowsPerTable))).toList())
                : Optional.empty();
        List<TableSeed> seeded = new ArrayList<>();
        int next = 0;
        for (QualifiedName name : ordered) {
            Optional<Table> table = snapshot.table(name);
            if (table.isEmpty()) {
                seeded.add(skipped(name, "not a table of the snapshot; nothing inserted"));
            } else if (table.get().postgres().partitionOf() != null) {
                seeded.add(skipped(name, "a partition of " + table.get().postgres().partitionOf()
                        + "; rows go in through the partitioned table"));
            } else if (together.isPresent()) {
                seeded.add(counted(plans.get(next).table(), rowsPerTable, together.get().get(next)));
                next++;
            } else {
                seeded.add(seedTable(connection, plans.get(next++), rowsPerTable));
            }
        }
        return new SeedReport(seeded);
    }

    private static List<Integer> rows(int rows) {
        return IntStream.range(0, rows).boxed().toList();
    }

    private static TableSeed counted(QualifiedName table, int rows, int inserted) {
        return new TableSeed(table, rows, inserted, inserted < rows
                ? List.of(table + ": " + inserted + " of " + rows + " rows went in; a trigger or rule kept the others out")
                : List.of());
    }

    private static TableSeed seedTable(Connection connection, TablePlan plan, int rows) throws SQLException {
        if (!plan.problems().isEmpty() || rows <= 0) {
            return new TableSeed(plan.table(), rows, 0, plan.problems());
        }
        List<Integer> all = rows(rows);
        try {
            return counted(plan.table(), rows, Inserter.insert(connection, InsertSql.render(plan, all)));
        } catch (SQLException rejected) {
            int inserted = 0;
            String first = null;
            for (int row : all) {
                try {
                    inserted += Inserter.insert(connection, InsertSql.render(plan, List.of(row)));
                } catch (SQLException failure) {
                    first = first == null ? Inserter.message(failure) : first;
                }
            }
            String reason = first == null ? Inserter.message(rejected) : first;
            return new TableSeed(plan.table(), rows, inserted,
                    inserted < rows ? List.of(plan.table() + ": " + reason) : List.of());
        }
    }

    private static TableSeed skipped(QualifiedName name, String reason) {
        return new TableSeed(name, 0, 0, List.of(name + ": " + reason));
    }
}
