package dev.schemagate.postgres.plan;

import dev.schemagate.diff.Hazard;
import dev.schemagate.model.Column;
import dev.schemagate.model.Identity;
import dev.schemagate.model.Table;
import dev.schemagate.postgres.ddl.PlanDdl;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Changes the columns of a table in place: drops, additions at the end, and per-column ALTERs.
 * Changes a child table gets from its parent (the parent's ALTER recurses) are not written twice.
 */
final class ColumnAlteration {

    private ColumnAlteration() {
    }

    /**
     * The columns can be changed in place: no column turns into a generated one and, when
     * {@code columnOrder} counts, kept columns keep their order and new ones come after them.
     */
    static boolean possible(Table from, Table to, boolean columnOrder) {
        boolean generatedLater = to.columns().stream().anyMatch(column -> from.column(column.name())
                .map(before -> before.generatedExpression() == null && column.generatedExpression() != null).orElse(false));
        if (generatedLater || !columnOrder) {
            return !generatedLater;
        }
        List<String> kept = to.columns().stream().map(Column::name).filter(name -> from.column(name).isPresent()).toList();
        List<String> fromOrder = from.columns().stream().map(Column::name).filter(name -> to.column(name).isPresent()).toList();
        if (!kept.equals(fromOrder)) {
            return false;
        }
        boolean seenNew = false;
        for (Column column : to.columns()) {
            Optional<Column> before = from.column(column.name());
            if (before.isEmpty()) {
                seenNew = true;
            } else if (seenNew) {
                return false;
            }
        }
        return true;
    }

    /** Whether a column is dropped, added or changes type: what views over the table must be rebuilt for. */
    static boolean structural(Table from, Table to) {
        return from.columns().size() != to.columns().size() || from.columns().stream().anyMatch(column ->
                to.column(column.name()).map(other -> !other.type().equals(column.type())
                        || !Objects.equals(other.collation(), column.collation())).orElse(true));
    }

    /**
     * Columns that go are dropped in {@code drops}, before the types, routines and extensions they may
     * use are dropped ({@code dropped} gets each such column, as a dependency names it); the rest goes to
     * {@code steps}.
     */
    static void write(PlanContext context, Table from, Table to, Steps drops, Set<String> dropped, Steps steps) {
        String alter = "ALTER TABLE " + PlanDdl.name(to);
        Set<String> recreated = new HashSet<>();
        Map<String, Column> cleared = new HashMap<>();
        for (Column column : from.columns()) {
            boolean inherited = PlanContext.inherited(context.from(), from, column.name()).isPresent();
            if (to.column(column.name()).isEmpty() && !inherited) {
                dropped.add("column " + column.name());
                drops.add(alter + " DROP COLUMN " + PlanDdl.ident(column.name()), Hazard.BLOCKS_READS_AND_WRITES,
                        Hazard.DELETES_DATA);
            } else if (!inherited && context.callsDropped(from, "column " + column.name())) {
                dropped.add("column " + column.name());
                callsDropped(alter, column, drops, recreated, cleared);
            }
        }
        for (Column column : to.columns()) {
            Optional<Column> before = recreated.contains(column.name()) ? Optional.empty()
                    : Optional.ofNullable(cleared.get(column.name())).or(() -> from.column(column.name()));
            if (before.isEmpty()) {
                if (PlanContext.inherited(context.to(), to, column.name()).isEmpty()) {
                    boolean rewrites = column.identity() != null || column.generatedExpression() != null;
                    steps.add(alter + " ADD COLUMN " + PlanDdl.columnDefinition(to.schema(), column),
                            rewrites ? new Hazard[]{Hazard.BLOCKS_READS_AND_WRITES, Hazard.REWRITES_TABLE}
                                    : new Hazard[]{Hazard.BLOCKS_READS_AND_WRITES});
                }
                PlanDdl.columnSettings("ALTER TABLE ONLY " + PlanDdl.name(to), List.of(column))
                        .forEach(sql -> steps.add(sql, Hazard.BLOCKS_READS_AND_WRITES));
            } else if (!before.get().equals(column)) {
                change(context, to, before.get(), column, steps);
            }
        }
    }

    /**
     * A column whose default or generated expression calls a routine the plan drops: the default is
     * dropped first (and set again by the column's change), a generated column is dropped (its values
     * are computed, so nothing is lost) and added again.
     */
    private static void callsDropped(String alter, Column column, Steps drops, Set<String> recreated,
                                     Map<String, Column> cleared) {
        String name = PlanDdl.ident(column.name());
        if (column.generatedExpression() != null) {
            drops.add(alter + " DROP COLUMN " + name, Hazard.BLOCKS_READS_AND_WRITES);
            recreated.add(column.name());
        } else if (column.defaultExpression() != null) {
            drops.add(alter + " ALTER COLUMN " + name + " DROP DEFAULT", Hazard.BLOCKS_READS_AND_WRITES);
            cleared.put(column.name(), new Column(column.name(), column.type(), column.collation(), column.notNull(),
                    null, column.identity(), null, column.comment(), column.privileges(), column.postgres(), column.mysql()));
        }
    }

    private static void change(PlanContext context, Table table, Column from, Column to, Steps steps) {
        String column = " ALTER COLUMN " + PlanDdl.ident(to.name());
        String alter = "ALTER TABLE " + PlanDdl.name(table) + column;
        String only = "ALTER TABLE ONLY " + PlanDdl.name(table) + column;
        Optional<Column> parent = PlanContext.inherited(context.to(), table, to.name());
        String defaultBefore = from.defaultExpression();
        if ((!from.type().equals(to.type()) || !Objects.equals(from.collation(), to.collation())) && parent.isEmpty()) {
            if (defaultBefore != null) {
                steps.add(only + " DROP DEFAULT", Hazard.BLOCKS_READS_AND_WRITES);
                defaultBefore = null;
            }
            String collate = to.collation() == null ? "" : " COLLATE " + to.collation();
            boolean viaText = PlanContext.isEnum(context.from(), from.type()) || PlanContext.isEnum(context.to(), to.type())
                    || Casts.none(from.type(), to.type());
            String using = " USING " + PlanDdl.ident(to.name()) + (viaText ? "::text::" : "::") + to.type();
            steps.add(alter + " TYPE " + to.type() + collate + using, TypeChange.of(from.type(), to.type()).hazards());
        }
        if (!Objects.equals(from.generatedExpression(), to.generatedExpression()) && parent.isEmpty()) {
            if (to.generatedExpression() == null) {
                steps.add(alter + " DROP EXPRESSION", Hazard.BLOCKS_READS_AND_WRITES);
            } else {
                steps.add(alter + " SET EXPRESSION AS (" + to.generatedExpression() + ")", Hazard.BLOCKS_READS_AND_WRITES,
                        Hazard.REWRITES_TABLE);
            }
        }
        if (!Objects.equals(defaultBefore, to.defaultExpression())) {
            steps.add(to.defaultExpression() == null ? only + " DROP DEFAULT" : only + " SET DEFAULT " + to.defaultExpression(),
                    Hazard.BLOCKS_READS_AND_WRITES);
        }
        boolean parentChangesNotNull = parent.isPresent() && parent.get().notNull() == to.notNull()
                && PlanContext.inherited(context.from(), table, to.name()).map(p -> p.notNull() == from.notNull()).orElse(false);
        if (from.notNull() != to.notNull() && !parentChangesNotNull) {
            steps.add(alter + (to.notNull() ? " SET NOT NULL" : " DROP NOT NULL"), Hazard.BLOCKS_READS_AND_WRITES);
        }
        identity(table, only, from.identity(), to.identity(), steps);
        settings(only, from, to, steps);
    }

    private static void identity(Table table, String alter, Identity from, Identity to, Steps steps) {
        if (Objects.equals(from, to)) {
            return;
        }
        if (from != null && to != null && from.sequence().equals(to.sequence())) {
            var options = to.options();
            steps.add(alter + " SET GENERATED " + (to.generation() == Identity.Generation.ALWAYS ? "ALWAYS" : "BY DEFAULT")
                    + " SET INCREMENT BY " + options.increment() + " SET MINVALUE " + options.minValue()
                    + " SET MAXVALUE " + options.maxValue() + " SET START WITH " + options.start() + " SET CACHE "
                    + options.cache() + (options.cycle() ? " SET CYCLE" : " SET NO CYCLE"), Hazard.BLOCKS_READS_AND_WRITES);
            return;
        }
        if (from != null) {
            steps.add(alter + " DROP IDENTITY", Hazard.BLOCKS_READS_AND_WRITES);
        }
        if (to != null) {
            steps.add(alter + " ADD" + PlanDdl.identity(table.schema(), to), Hazard.BLOCKS_READS_AND_WRITES);
        }
    }

    private static void settings(String alter, Column from, Column to, Steps steps) {
        if (!Objects.equals(from.postgres().statisticsTarget(), to.postgres().statisticsTarget())) {
            steps.add(alter + " SET STATISTICS " + (to.postgres().statisticsTarget() == null ? -1 : to.postgres().statisticsTarget()));
        }
        if (!Objects.equals(from.postgres().storage(), to.postgres().storage())) {
            steps.add(alter + " SET STORAGE " + (to.postgres().storage() == null ? "DEFAULT" : to.postgres().storage()), Hazard.BLOCKS_READS_AND_WRITES);
        }
        if (!from.postgres().options().equals(to.postgres().options())) {
            if (!from.postgres().options().isEmpty()) {
                steps.add(alter + " RESET (" + String.join(", ", from.postgres().options().stream()
                        .map(option -> option.substring(0, option.indexOf('='))).toList()) + ")");
            }
            if (!to.postgres().options().isEmpty()) {
                steps.add(alter + " SET (" + String.join(", ", to.postgres().options()) + ")");
            }
        }
        if (!Objects.equals(from.postgres().compression(), to.postgres().compression())) {
            steps.add(alter + " SET COMPRESSION " + (to.postgres().compression() == null ? "DEFAULT" : to.postgres().compression()));
        }
    }
}
