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
 * Fills tables with many rows on the server: one set-based {@code INSERT ... SELECT ... FROM
 * generate_series} a table, whose values follow the same rules as the {@link Seeder}'s (types,
 * NOT NULL, the CHECK forms it reads, distinct values for unique keys, foreign keys pointing at
 * rows of their parent, parents filled first). Java sends one statement a table, not the rows.
 * A table with a column whose values can only be written as literals is filled in batches of
 * literal rows instead. A table the database refuses is left empty, with the refusal as its problem.
 */
public final class SeriesFill {

    /** Rows a literal insert carries when a column has no server-side expression. */
    private static final int BATCH = 5_000;

    private SeriesFill() {
    }

    public static SeedReport fill(Connection connection, Snapshot snapshot, Collection<QualifiedName> tables, int rows,
                                  long seed) throws SQLException {
        Values values = new Values(snapshot);
        List<TableSeed> filled = new ArrayList<>();
        for (QualifiedName name : TableOrder.of(snapshot, List.copyOf(tables))) {
            Optional<Table> table = snapshot.table(name);
            if (table.isEmpty() || table.get().postgres().partitionOf() != null) {
                filled.add(new TableSeed(name, 0, 0, List.of(name + ": " + (table.isEmpty()
                        ? "not a table of the snapshot" : "a partition; rows go in through its partitioned table"))));
                continue;
            }
            TablePlan plan = TablePlan.of(table.get(), values, seed);
            if (!plan.problems().isEmpty() || rows <= 0) {
                filled.add(new TableSeed(name, rows, 0, plan.problems()));
                continue;
            }
            try {
                int inserted = insert(connection, plan, rows);
                filled.add(new TableSeed(name, rows, inserted, inserted < rows
                        ? List.of(name + ": " + inserted + " of " + rows + " rows went in; a trigger or rule kept the others out")
                        : List.of()));
            } catch (SQLException refused) {
                filled.add(new TableSeed(name, rows, 0, List.of(name + ": " + Inserter.message(refused))));
            }
        }
        return new SeedReport(filled);
    }

    private static int insert(Connection connection, TablePlan plan, int rows) throws SQLException {
        String series = InsertSql.renderSeries(plan, rows);
        if (series != null) {
            return Inserter.insert(connection, series);
        }
        int inserted = 0;
        for (int from = 0; from < rows; from += BATCH) {
            inserted += Inserter.insert(connection, InsertSql.render(plan,
                    IntStream.range(from, Math.min(rows, from + BATCH)).boxed().toList()));
        }
        return inserted;
    }
}
