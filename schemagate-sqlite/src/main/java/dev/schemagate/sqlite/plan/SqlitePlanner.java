package dev.schemagate.sqlite.plan;

import dev.schemagate.diff.Hazard;
import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.diff.PlannedStatement;
import dev.schemagate.diff.SnapshotComparison;
import dev.schemagate.model.Column;
import dev.schemagate.model.Index;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import dev.schemagate.model.Trigger;
import dev.schemagate.model.View;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.schemagate.sqlite.plan.SqliteDdl.quote;

/**
 * Plans the SQL from one SQLite schema to another. What {@code ALTER TABLE} can do it does in
 * place (a column added at the end that SQLite accepts on a table with rows; indexes and triggers
 * dropped and created); any other change to a table is SQLite's twelve-step rebuild
 * (<a href="https://www.sqlite.org/lang_altertable.html#otheralter">lang_altertable</a>): foreign
 * keys off, the new table under a new name, the rows copied in the columns both have, the old
 * table dropped, the new one renamed, its indexes and triggers created again, the views that read
 * it dropped before and created after, the foreign keys checked, and switched on again.
 */
public final class SqlitePlanner {

    private static final Pattern NON_CONSTANT = Pattern.compile("(?i)^\\s*(?:CURRENT_TIME|CURRENT_DATE|CURRENT_TIMESTAMP|\\()");

    private final List<PlannedStatement> statements = new ArrayList<>();

    private SqlitePlanner() {
    }

    public static MigrationPlan plan(Snapshot from, Snapshot to) {
        SqlitePlanner planner = new SqlitePlanner();
        planner.between(from, to);
        return new MigrationPlan(planner.statements);
    }

    private void between(Snapshot from, Snapshot to) {
        Map<String, Table> before = byName(from.tables());
        Map<String, Table> after = byName(to.tables());
        List<String> rebuilt = new ArrayList<>();
        for (Table table : to.tables()) {
            Table old = before.get(key(table.name()));
            if (old != null && !sameShape(old, table) && !addsColumnsOnly(old, table)) {
                rebuilt.add(key(table.name()));
            }
        }
        List<String> gone = from.tables().stream().map(t -> key(t.name())).filter(name -> !after.containsKey(name)).toList();
        Map<String, View> viewsAfter = new LinkedHashMap<>();
        to.views().forEach(view -> viewsAfter.put(key(view.name()), view));
        List<View> recreated = new ArrayList<>();
        if (!rebuilt.isEmpty()) {
            add("PRAGMA foreign_keys = OFF", Set.of(), "rebuild");
        }
        for (View view : from.views()) {
            View kept = viewsAfter.get(key(view.name()));
            boolean reads = readsAny(view, rebuilt) || readsAny(view, gone);
            if (kept == null || !kept.definition().equals(view.definition()) || reads) {
                add("DROP VIEW " + quote(view.name()), Set.of(), SnapshotComparison.label(view));
                if (kept != null) {
                    recreated.add(kept);
                }
            }
        }
        for (String name : gone) {
            add("DROP TABLE " + quote(before.get(name).name()), EnumSet.of(Hazard.DELETES_DATA), SnapshotComparison.label(before.get(name)));
        }
        for (Table table : to.tables()) {
            Table old = before.get(key(table.name()));
            if (old == null) {
                create(table);
            } else if (rebuilt.contains(key(table.name()))) {
                rebuild(old, table);
            } else {
                alter(old, table);
            }
        }
        Map<String, View> viewsBefore = new LinkedHashMap<>();
        from.views().forEach(view -> viewsBefore.put(key(view.name()), view));
        for (View view : to.views()) {
            if (!viewsBefore.containsKey(key(view.name())) || recreated.contains(view)) {
                add(view.definition(), Set.of(), SnapshotComparison.label(view));
                view.triggers().forEach(trigger -> add(trigger.definition(), Set.of(), SnapshotComparison.label(view)));
            }
        }
        if (!rebuilt.isEmpty()) {
            add("PRAGMA foreign_key_check", Set.of(), "rebuild");
            add("PRAGMA foreign_keys = ON", Set.of(), "rebuild");
        }
    }

    private void create(Table table) {
        String change = SnapshotComparison.label(table);
        add(SqliteDdl.createTable(table, table.name()), Set.of(), change);
        table.indexes().forEach(index -> add(SqliteDdl.createIndex(table.name(), index), Set.of(), change));
        table.triggers().forEach(trigger -> add(trigger.definition(), Set.of(), change));
    }

    /** Columns added at the end, indexes and triggers: what ALTER TABLE and CREATE/DROP do in place. */
    private void alter(Table old, Table table) {
        String change = SnapshotComparison.label(table);
        for (Column column : table.columns().subList(old.columns().size(), table.columns().size())) {
            add("ALTER TABLE " + quote(table.name()) + " ADD COLUMN " + SqliteDdl.column(table, column), Set.of(), change);
        }
        for (Index index : old.indexes()) {
            if (!table.indexes().contains(index)) {
                add(SqliteDdl.dropIndex(index), Set.of(), change);
            }
        }
        for (Trigger trigger : old.triggers()) {
            if (!table.triggers().contains(trigger)) {
                add(SqliteDdl.dropTrigger(trigger), Set.of(), change);
            }
        }
        for (Index index : table.indexes()) {
            if (!old.indexes().contains(index)) {
                add(SqliteDdl.createIndex(table.name(), index), EnumSet.of(Hazard.BUILDS_INDEX), change);
            }
        }
        for (Trigger trigger : table.triggers()) {
            if (!old.triggers().contains(trigger)) {
                add(trigger.definition(), Set.of(), change);
            }
        }
    }

    /**
     * SQLite's procedure: new table under a new name, rows copied (into the columns that take values:
     * a generated column computes its own), old dropped, new renamed, indexes and triggers again.
     */
    private void rebuild(Table old, Table table) {
        String change = SnapshotComparison.label(table);
        String temporary = "new_" + table.name();
        List<String> common = table.columns().stream().filter(column -> column.generatedExpression() == null).map(Column::name)
                .filter(name -> old.column(name).isPresent())
                .map(SqliteDdl::quote).toList();
        boolean loses = old.columns().stream().anyMatch(column -> column.generatedExpression() == null
                && table.column(column.name()).filter(kept -> kept.generatedExpression() == null).isEmpty());
        add(SqliteDdl.createTable(table, temporary), Set.of(), change);
        add("INSERT INTO " + quote(temporary) + " (" + String.join(", ", common) + ") SELECT " + String.join(", ", common)
                + " FROM " + quote(old.name()), EnumSet.of(Hazard.REWRITES_TABLE), change);
        if (SqliteDdl.kind(old).autoincrement() && SqliteDdl.kind(table).autoincrement()) {
            keepSequence(old.name(), temporary, change);
        }
        add("DROP TABLE " + quote(old.name()), loses ? EnumSet.of(Hazard.DELETES_DATA) : Set.of(), change);
        add("ALTER TABLE " + quote(temporary) + " RENAME TO " + quote(table.name()), Set.of(), change);
        table.indexes().forEach(index -> add(SqliteDdl.createIndex(table.name(), index), EnumSet.of(Hazard.BUILDS_INDEX), change));
        table.triggers().forEach(trigger -> add(trigger.definition(), Set.of(), change));
    }

    /**
     * The copy gives the new table the highest key copied; AUTOINCREMENT promises more: no key ever
     * handed out is used again, so the old table's high-water mark in {@code sqlite_sequence} (rows
     * deleted since count) goes to the new table before the old one is dropped with it.
     */
    private void keepSequence(String table, String temporary, String change) {
        add("DELETE FROM sqlite_sequence WHERE name = " + literal(temporary), Set.of(), change);
        add("INSERT INTO sqlite_sequence (name, seq) SELECT " + literal(temporary) + ", seq FROM sqlite_sequence WHERE name = "
                + literal(table), Set.of(), change);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The same columns, keys and kind: only indexes and triggers may differ. */
    private static boolean sameShape(Table old, Table table) {
        return old.columns().equals(table.columns()) && old.constraints().equals(table.constraints())
                && Objects.equals(old.sqlite(), table.sqlite());
    }

    /** The old columns first, unchanged, then columns that ALTER TABLE ADD COLUMN accepts on a table with rows. */
    private static boolean addsColumnsOnly(Table old, Table table) {
        if (table.columns().size() <= old.columns().size()
                || !table.columns().subList(0, old.columns().size()).equals(old.columns())
                || !old.constraints().equals(table.constraints()) || !Objects.equals(old.sqlite(), table.sqlite())) {
            return false;
        }
        return table.columns().subList(old.columns().size(), table.columns().size()).stream().allMatch(column -> {
            String value = column.defaultExpression();
            boolean constant = value == null || !NON_CONSTANT.matcher(value).find();
            boolean hasValue = value != null && !value.equalsIgnoreCase("NULL");
            return constant && (!column.notNull() || hasValue);
        });
    }

    private static boolean readsAny(View view, List<String> tables) {
        String text = view.definition().toLowerCase(Locale.ROOT);
        return tables.stream().anyMatch(table -> Pattern.compile("(?<![\\w$])[\"`\\[]?" + Pattern.quote(table) + "[\"`\\]]?(?![\\w$])")
                .matcher(text).find());
    }

    private void add(String sql, Set<Hazard> hazards, String change) {
        statements.add(new PlannedStatement(sql, hazards.isEmpty() ? EnumSet.noneOf(Hazard.class) : EnumSet.copyOf(hazards), change));
    }

    private static Map<String, Table> byName(List<Table> tables) {
        Map<String, Table> byName = new LinkedHashMap<>();
        tables.forEach(table -> byName.put(key(table.name()), table));
        return byName;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
