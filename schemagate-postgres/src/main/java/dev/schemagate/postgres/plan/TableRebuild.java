package dev.schemagate.postgres.plan;

import dev.schemagate.diff.Hazard;
import dev.schemagate.diff.SnapshotComparison;
import dev.schemagate.model.Column;
import dev.schemagate.model.Table;
import dev.schemagate.postgres.ddl.PlanDdl;

import java.util.List;

/**
 * A table the plan must drop and create again (its columns in another order, a column turned into a
 * generated one, another partitioning...) keeps its rows: they are copied into a temporary table of
 * the session before the drop and inserted back, column by column, once the new table exists.
 */
final class TableRebuild {

    private final Table from;
    private final Table to;
    private final String copy;

    TableRebuild(Table from, Table to, int number) {
        this.from = from;
        this.to = to;
        this.copy = "pg_temp.schemagate_rows_" + number;
    }

    /** The table as the target has it. */
    Table table() {
        return to;
    }

    /**
     * Only the rows of the table itself (children and partitions keep theirs through their own
     * rebuild), each value as text, so the copy depends on no type the plan drops.
     */
    void save(Steps steps) {
        String values = String.join(", ", from.columns().stream()
                .map(column -> PlanDdl.ident(column.name()) + "::text COLLATE pg_catalog.\"default\" AS "
                        + PlanDdl.ident(column.name())).toList());
        steps.add("CREATE TEMPORARY TABLE " + copy.substring("pg_temp.".length()) + " AS SELECT " + values
                + " FROM ONLY " + PlanDdl.name(from));
    }

    /** The drop: it loses data only when a column goes with it. */
    void drop(Steps steps) {
        boolean columnGoes = from.columns().stream().anyMatch(column -> to.column(column.name()).isEmpty());
        steps.add("DROP TABLE " + PlanDdl.name(from), columnGoes
                ? new Hazard[]{Hazard.BLOCKS_READS_AND_WRITES, Hazard.DELETES_DATA} : new Hazard[]{Hazard.BLOCKS_READS_AND_WRITES});
    }

    /** Inserts the saved rows into the new table, sets its sequences past them and drops the copy. */
    void restore(Steps steps) {
        List<Column> kept = to.columns().stream().filter(column -> column.generatedExpression() == null)
                .filter(column -> from.column(column.name()).isPresent()).toList();
        if (kept.isEmpty()) {
            steps.add("INSERT INTO " + PlanDdl.name(to) + " SELECT FROM " + copy);
        } else {
            String names = String.join(", ", kept.stream().map(column -> PlanDdl.ident(column.name())).toList());
            String values = String.join(", ", kept.stream().map(TableRebuild::value).toList());
            steps.add("INSERT INTO " + PlanDdl.name(to) + " (" + names + ") OVERRIDING SYSTEM VALUE SELECT " + values
                    + " FROM " + copy);
            for (Column column : kept) {
                if (column.identity() != null || (column.defaultExpression() != null
                        && column.defaultExpression().startsWith("nextval("))) {
                    steps.add("SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence(" + PlanDdl.literal(PlanDdl.name(to))
                            + ", " + PlanDdl.literal(column.name()) + "), max(" + PlanDdl.ident(column.name()) + ")) FROM "
                            + PlanDdl.name(to) + " HAVING max(" + PlanDdl.ident(column.name()) + ") IS NOT NULL");
                }
            }
        }
        steps.addServing(SnapshotComparison.label(to), "DROP TABLE " + copy);
    }

    /** The saved text read back as the new column's type. */
    private static String value(Column column) {
        return PlanDdl.ident(column.name()) + "::" + column.type();
    }
}
