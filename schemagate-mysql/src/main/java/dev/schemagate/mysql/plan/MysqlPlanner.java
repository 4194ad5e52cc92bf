package dev.schemagate.mysql.plan;

import dev.schemagate.diff.Hazard;
import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.diff.PlannedStatement;
import dev.schemagate.diff.SnapshotComparison;
import dev.schemagate.model.Column;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.Index;
import dev.schemagate.model.dialect.MysqlEvent;
import dev.schemagate.model.Routine;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import dev.schemagate.model.Trigger;
import dev.schemagate.model.View;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.schemagate.mysql.plan.MysqlDdl.quote;

/**
 * Plans the MySQL DDL from one schema to another, in the order the server needs: triggers, views
 * and routines that change are dropped first; then the foreign keys that stand in the way (those
 * that change, and those whose columns or backing keys change on either side); the tables that go;
 * the new tables, without their foreign keys; each other table altered in place by one
 * {@code ALTER TABLE} (keys renamed or dropped, options, columns added and modified where TARGET
 * puts them, keys and checks added), with what deletes data in statements of its own; every
 * foreign key that is new or was dropped on the way; and last the routines, views (each after the
 * views it reads), triggers (in the order they fire) and events, created or altered in place (the
 * events that go are dropped first, with the triggers; one that loses its {@code ENDS} is created anew).
 *
 * <p>Hazards are those MySQL has: dropping a table or column, or a type that may not hold the old
 * values, deletes data; a type, collation or position change, a new primary key, foreign key or
 * check on a table with rows, and a new engine or row format copy the table; a new index builds one.
 */
public final class MysqlPlanner {

    private final List<PlannedStatement> statements = new ArrayList<>();
    private final boolean columnOrder;

    private MysqlPlanner(boolean columnOrder) {
        this.columnOrder = columnOrder;
    }

    /** The plan; with {@code columnOrder}, columns that only moved are moved too (a copy of the table). */
    public static MigrationPlan plan(Snapshot from, Snapshot to, boolean columnOrder) {
        MysqlPlanner planner = new MysqlPlanner(columnOrder);
        planner.between(from, to);
        return new MigrationPlan(planner.statements);
    }

    private void between(Snapshot from, Snapshot to) {
        Map<String, Table> before = byName(from.tables());
        Map<String, Table> after = byName(to.tables());
        Set<String> gone = new HashSet<>(before.keySet());
        gone.removeAll(after.keySet());
        Set<String> altered = new HashSet<>();
        after.forEach((name, table) -> {
            if (before.containsKey(name) && !before.get(name).equals(table)) {
                altered.add(name);
            }
        });
        Set<String> reshaped = new HashSet<>();
        altered.forEach(name -> {
            if (!before.get(name).columns().equals(after.get(name).columns())) {
                reshaped.add(name);
            }
        });

        for (MysqlEvent event : from.mysql().events()) {
            if (to.mysql().event(event.name()).isEmpty()) {
                add(MysqlEventDdl.drop(event), Set.of(), SnapshotComparison.label(event));
            }
        }
        List<Table> retriggered = new ArrayList<>();
        for (Table old : from.tables()) {
            Table now = after.get(old.name());
            if (now != null && !MysqlDdl.triggers(old).equals(MysqlDdl.triggers(now))) {
                old.triggers().forEach(trigger -> add("DROP TRIGGER " + quote(trigger.name()), Set.of(),
                        SnapshotComparison.label(old)));
                retriggered.add(now);
            }
        }
        Map<String, View> viewsAfter = new LinkedHashMap<>();
        to.views().forEach(view -> viewsAfter.put(view.name(), view));
        Set<String> viewsBefore = new HashSet<>();
        List<View> recreated = new ArrayList<>();
        for (View view : from.views()) {
            viewsBefore.add(view.name());
            View kept = viewsAfter.get(view.name());
            boolean reads = gone.stream().anyMatch(t -> MysqlDdl.reads(view, t)) || reshaped.stream().anyMatch(t -> MysqlDdl.reads(view, t));
            if (kept == null || !sameView(view, kept) || reads) {
                add("DROP VIEW " + quote(view.name()), Set.of(), SnapshotComparison.label(view));
                if (kept != null) {
                    recreated.add(kept);
                }
            }
        }
        Map<String, Routine> routinesAfter = new LinkedHashMap<>();
        to.routines().forEach(routine -> routinesAfter.put(routine.kind() + " " + routine.name(), routine));
        Set<String> routinesKept = new HashSet<>();
        for (Routine routine : from.routines()) {
            String key = routine.kind() + " " + routine.name();
            if (routine.equals(routinesAfter.get(key))) {
                routinesKept.add(key);
            } else {
                add(MysqlDdl.dropRoutine(routine), Set.of(), SnapshotComparison.label(routine));
            }
        }

        Set<String> keysDropped = new HashSet<>();
        for (Table old : from.tables()) {
            Table now = after.get(old.name());
            for (Constraint key : MysqlDdl.foreignKeys(old)) {
                String parent = key.referencedTable().name();
                boolean drop = now == null
                        ? gone.contains(parent) && !parent.equals(old.name())
                        : !now.constraint(key.name()).map(key::equals).orElse(false) || gone.contains(parent)
                        || disturbs(old, now, key.columns())
                        || after.containsKey(parent) && before.containsKey(parent)
                        && disturbs(before.get(parent), after.get(parent), key.referencedColumns());
                if (drop) {
                    keysDropped.add(old.name() + "." + key.name());
                    add(MysqlDdl.dropConstraint(old, key), Set.of(), SnapshotComparison.label(old));
                }
            }
        }
        for (Table old : from.tables()) {
            if (gone.contains(old.name())) {
                add("DROP TABLE " + quote(old.name()), EnumSet.of(Hazard.DELETES_DATA), SnapshotComparison.label(old));
            }
        }
        for (Table table : to.tables()) {
            if (!before.containsKey(table.name())) {
                add(MysqlDdl.createTable(table), Set.of(), SnapshotComparison.label(table));
            }
        }
        for (Table table : to.tables()) {
            if (altered.contains(table.name())) {
                alter(before.get(table.name()), table);
            }
        }
        for (Table table : to.tables()) {
            Table old = before.get(table.name());
            for (Constraint key : MysqlDdl.foreignKeys(table)) {
                boolean kept = old != null && old.constraint(key.name()).map(key::equals).orElse(false)
                        && !keysDropped.contains(table.name() + "." + key.name());
                if (!kept) {
                    add(MysqlDdl.addConstraint(table, key), old == null ? Set.of() : EnumSet.of(Hazard.REWRITES_TABLE),
                            SnapshotComparison.label(table));
                }
            }
        }

        for (Routine routine : to.routines()) {
            if (!routinesKept.contains(routine.kind() + " " + routine.name())) {
                add(MysqlDdl.createRoutine(routine), Set.of(), SnapshotComparison.label(routine));
            }
        }
        for (View view : MysqlDdl.inOrder(to.views())) {
            if (!viewsBefore.contains(view.name()) || recreated.contains(view)) {
                add(MysqlDdl.createView(view), Set.of(), SnapshotComparison.label(view));
            }
        }
        for (Table table : to.tables()) {
            if (!before.containsKey(table.name()) || retriggered.contains(table)) {
                MysqlDdl.triggers(table).forEach(trigger -> add(MysqlDdl.createTrigger(table, trigger), Set.of(),
                        SnapshotComparison.label(table)));
            }
        }
        for (MysqlEvent event : to.mysql().events()) {
            MysqlEvent was = from.mysql().event(event.name()).orElse(null);
            if (was == null) {
                add(MysqlEventDdl.create(event), Set.of(), SnapshotComparison.label(event));
            } else if (was.ends() != null && event.ends() == null) {
                // ALTER EVENT cannot take an ENDS away
                add(MysqlEventDdl.drop(was), Set.of(), SnapshotComparison.label(event));
                add(MysqlEventDdl.create(event), Set.of(), SnapshotComparison.label(event));
            } else if (!was.equals(event)) {
                add(MysqlEventDdl.alter(was, event), Set.of(), SnapshotComparison.label(event));
            }
        }
    }

    /**
     * Keys, columns and options of a table that stays, changed in place by {@code ALTER TABLE}: all
     * in one statement, so the table is copied at most once, except what deletes data (a column
     * dropped, a type narrowed), which is a statement of its own so that it can be held back; the
     * keys and checks in its way are dropped before it, and the rest follows it.
     */
    private void alter(Table old, Table now) {
        String change = SnapshotComparison.label(now);
        String table = "ALTER TABLE " + quote(now.name());
        String oldCollation = MysqlDdl.collation(old);
        String newCollation = MysqlDdl.collation(now);
        Clauses drops = new Clauses();
        for (Constraint check : checks(old)) {
            if (!now.constraint(check.name()).map(check::equals).orElse(false)) {
                drops.add(MysqlDdl.dropClause(check), Set.of());
            }
        }
        Map<String, String> renamed = renamedIndexes(old, now);
        renamed.forEach((from, to) -> drops.add("RENAME INDEX " + quote(from) + " TO " + quote(to), Set.of()));
        for (Constraint key : keys(old)) {
            if (!now.constraint(key.name()).map(key::equals).orElse(false) && !renamed.containsKey(key.name())) {
                drops.add(MysqlDdl.dropClause(key), Set.of());
            }
        }
        for (Index index : old.indexes()) {
            if (!now.index(index.name()).map(index::equals).orElse(false) && !renamed.containsKey(index.name())) {
                drops.add("DROP INDEX " + quote(index.name()), Set.of());
            }
        }
        List<String> destructive = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (Column column : old.columns()) {
            if (now.column(column.name()).isPresent()) {
                current.add(column.name());
            } else {
                destructive.add(table + " DROP COLUMN " + quote(column.name()));
            }
        }
        Clauses changes = new Clauses();
        options(old, now, changes);
        for (int i = 0; i < now.columns().size(); i++) {
            Column column = now.columns().get(i);
            String previous = i == 0 ? null : now.columns().get(i - 1).name();
            String position = previous == null ? " FIRST" : " AFTER " + quote(previous);
            int wanted = previous == null ? 0 : current.indexOf(previous) + 1;
            Column was = old.column(column.name()).orElse(null);
            if (was == null) {
                boolean last = wanted == current.size();
                current.add(wanted, column.name());
                changes.add("ADD COLUMN " + MysqlDdl.column(column, newCollation) + (last ? "" : position),
                        column.mysql() != null && column.mysql().generatedStored() ? EnumSet.of(Hazard.REWRITES_TABLE) : Set.of());
                continue;
            }
            boolean moves = columnOrder && current.indexOf(column.name()) != wanted;
            boolean same = normal(was, oldCollation).equals(normal(column, newCollation));
            if (same && !moves) {
                continue;
            }
            if (moves) {
                current.remove(column.name());
                current.add(previous == null ? 0 : current.indexOf(previous) + 1, column.name());
            }
            String modify = "MODIFY COLUMN " + MysqlDdl.column(column, newCollation) + (moves ? position : "");
            Set<Hazard> hazards = modifyHazards(was, oldCollation, column, newCollation, moves);
            if (hazards.contains(Hazard.DELETES_DATA)) {
                destructive.add(table + " " + modify);
            } else {
                changes.add(modify, hazards);
            }
        }
        for (Constraint key : keys(now)) {
            if (!old.constraint(key.name()).map(key::equals).orElse(false) && !renamed.containsValue(key.name())) {
                changes.add("ADD " + MysqlDdl.constraintItem(key), key.type() == Constraint.Type.PRIMARY_KEY
                        ? EnumSet.of(Hazard.REWRITES_TABLE) : EnumSet.of(Hazard.BUILDS_INDEX));
            }
        }
        for (Index index : now.indexes()) {
            if (!old.index(index.name()).map(index::equals).orElse(false) && !renamed.containsValue(index.name())) {
                changes.add("ADD " + MysqlDdl.indexItem(index), EnumSet.of(Hazard.BUILDS_INDEX));
            }
        }
        for (Constraint check : checks(now)) {
            if (!old.constraint(check.name()).map(check::equals).orElse(false)) {
                changes.add("ADD " + MysqlDdl.constraintItem(check), EnumSet.of(Hazard.REWRITES_TABLE));
            }
        }
        if (destructive.isEmpty()) {
            drops.addAll(changes);
            flush(table, drops, change);
        } else {
            flush(table, drops, change);
            for (String statement : destructive) {
                add(statement, statement.contains(" MODIFY COLUMN ") ? EnumSet.of(Hazard.DELETES_DATA, Hazard.REWRITES_TABLE)
                        : EnumSet.of(Hazard.DELETES_DATA), change);
            }
            flush(table, changes, change);
        }
        String oldParts = old.mysql() == null ? null : old.mysql().partitioning();
        String newParts = now.mysql() == null ? null : now.mysql().partitioning();
        if (!Objects.equals(oldParts, newParts)) {
            add(table + (newParts == null ? " REMOVE PARTITIONING" : MysqlDdl.partitioning(now).replace('\n', ' ')),
                    EnumSet.of(Hazard.REWRITES_TABLE), change);
        }
    }

    /**
     * Unique keys and indexes that only changed their name, old name to new: {@code RENAME INDEX}
     * keeps them instead of building them again.
     */
    private static Map<String, String> renamedIndexes(Table old, Table now) {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Constraint key : keys(old)) {
            if (key.type() != Constraint.Type.UNIQUE || now.constraint(key.name()).isPresent()) {
                continue;
            }
            keys(now).stream().filter(n -> n.type() == Constraint.Type.UNIQUE && old.constraint(n.name()).isEmpty()
                            && !renamed.containsValue(n.name()) && n.columns().equals(key.columns())
                            && key.definition().replaceFirst(Pattern.quote(quote(key.name())),
                            Matcher.quoteReplacement(quote(n.name()))).equals(n.definition()))
                    .findFirst().ifPresent(n -> renamed.put(key.name(), n.name()));
        }
        for (Index index : old.indexes()) {
            if (now.index(index.name()).isPresent()) {
                continue;
            }
            now.indexes().stream().filter(n -> old.index(n.name()).isEmpty() && !renamed.containsValue(n.name())
                            && named(index, n.name()).equals(n))
                    .findFirst().ifPresent(n -> renamed.put(index.name(), n.name()));
        }
        return renamed;
    }

    private static Index named(Index index, String name) {
        return new Index(name, index.unique(), index.method(), index.keys(), index.predicate(), index.valid(),
                index.definition(), index.constraint(), index.comment(), index.postgres(), index.mysql());
    }

    /** The clauses of one {@code ALTER TABLE}, so that the table is changed (and copied) once for all of them. */
    private static final class Clauses {
        private final List<String> items = new ArrayList<>();
        private final Set<Hazard> hazards = EnumSet.noneOf(Hazard.class);

        void add(String clause, Set<Hazard> of) {
            items.add(clause);
            hazards.addAll(of);
        }

        void addAll(Clauses more) {
            items.addAll(more.items);
            hazards.addAll(more.hazards);
        }
    }

    private void flush(String table, Clauses clauses, String change) {
        if (!clauses.items.isEmpty()) {
            add(table + (clauses.items.size() == 1 ? " " : "\n  ") + String.join(",\n  ", clauses.items), clauses.hazards, change);
        }
    }

    /** Engine and row format (a copy of the table), default collation and comment (the table's definition only). */
    private static void options(Table old, Table now, Clauses changes) {
        String oldEngine = old.mysql() == null ? null : old.mysql().engine();
        String newEngine = now.mysql() == null ? null : now.mysql().engine();
        if (newEngine != null && !newEngine.equals(oldEngine)) {
            changes.add("ENGINE=" + newEngine, EnumSet.of(Hazard.REWRITES_TABLE));
        }
        String oldFormat = old.mysql() == null ? null : old.mysql().rowFormat();
        String newFormat = now.mysql() == null ? null : now.mysql().rowFormat();
        if (!Objects.equals(oldFormat, newFormat)) {
            changes.add("ROW_FORMAT=" + (newFormat == null ? "DEFAULT" : newFormat), EnumSet.of(Hazard.REWRITES_TABLE));
        }
        String collation = MysqlDdl.collation(now);
        if (collation != null && !collation.equals(MysqlDdl.collation(old))) {
            changes.add("COLLATE=" + collation, Set.of());
        }
        if (!Objects.equals(old.comment(), now.comment())) {
            changes.add("COMMENT=" + MysqlDdl.literal(now.comment() == null ? "" : now.comment()), Set.of());
        }
    }

    private static Set<Hazard> modifyHazards(Column was, String oldCollation, Column now, String newCollation, boolean moves) {
        Set<Hazard> hazards = EnumSet.noneOf(Hazard.class);
        if (!was.type().equalsIgnoreCase(now.type()) && !TypeChange.keepsValues(was.type(), now.type())) {
            hazards.add(Hazard.DELETES_DATA);
        }
        boolean retyped = !was.type().equalsIgnoreCase(now.type()) && !TypeChange.appendsValues(was.type(), now.type());
        boolean copies = moves || retyped
                || !Objects.equals(MysqlDdl.effectiveCollation(was, oldCollation), MysqlDdl.effectiveCollation(now, newCollation))
                || !was.notNull() && now.notNull()
                || !Objects.equals(was.generatedExpression(), now.generatedExpression());
        if (copies) {
            hazards.add(Hazard.REWRITES_TABLE);
        }
        return hazards;
    }

    /**
     * Whether a foreign key on {@code columns} of this table stands in the way of its changes: one of
     * the columns changes, or a key or index on one of them is dropped or changed.
     */
    private static boolean disturbs(Table old, Table now, List<String> columns) {
        for (String name : columns) {
            Column was = old.column(name).orElse(null);
            Column is = now.column(name).orElse(null);
            if (was == null || is == null || !normal(was, MysqlDdl.collation(old)).equals(normal(is, MysqlDdl.collation(now)))) {
                return true;
            }
        }
        for (Constraint key : keys(old)) {
            if (key.columns().stream().anyMatch(columns::contains) && !now.constraint(key.name()).map(key::equals).orElse(false)) {
                return true;
            }
        }
        for (Index index : old.indexes()) {
            if (index.keys().stream().anyMatch(k -> columns.stream().anyMatch(c -> k.expression().startsWith(c)))
                    && !now.index(index.name()).map(index::equals).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** The column with its effective collation, so a change of the table's default alone is no change of the column. */
    private static Column normal(Column column, String tableCollation) {
        return new Column(column.name(), column.type(), MysqlDdl.effectiveCollation(column, tableCollation), column.notNull(),
                column.defaultExpression(), column.identity(), column.generatedExpression(), column.comment(),
                column.privileges(), column.postgres(), column.mysql());
    }

    private static boolean sameView(View a, View b) {
        return Objects.equals(a.definition(), b.definition()) && Objects.equals(a.mysql(), b.mysql());
    }

    private static List<Constraint> checks(Table table) {
        return table.constraints().stream().filter(c -> c.type() == Constraint.Type.CHECK).toList();
    }

    private static List<Constraint> keys(Table table) {
        return table.constraints().stream()
                .filter(c -> c.type() == Constraint.Type.PRIMARY_KEY || c.type() == Constraint.Type.UNIQUE).toList();
    }

    private void add(String sql, Set<Hazard> hazards, String change) {
        statements.add(new PlannedStatement(sql, hazards.isEmpty() ? EnumSet.noneOf(Hazard.class) : EnumSet.copyOf(hazards), change));
    }

    private static Map<String, Table> byName(List<Table> tables) {
        Map<String, Table> byName = new LinkedHashMap<>();
        tables.forEach(table -> byName.put(table.name(), table));
        return byName;
    }
}
