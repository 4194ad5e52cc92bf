package dev.schemagate.engine;

import dev.schemagate.data.DataProbe;
import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.diff.PlannedStatement;
import dev.schemagate.diff.SnapshotComparison;
import dev.schemagate.model.Column;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables a plan touches, with the tables they reference (so their foreign keys can be seeded),
 * and their row counts, by the name the diff gives them ({@code table public.orders}).
 */
final class RowCounts {

    private final Snapshot snapshot;
    private final DataProbe probe;

    /** Counts as {@code probe}, the dialect's, counts rows. */
    RowCounts(Snapshot snapshot, DataProbe probe) {
        this.snapshot = snapshot;
        this.probe = probe;
    }

    /**
     * The tables some statement of the plan serves or whose columns are of a type it changes, the
     * tables they reference (so their foreign keys hold values) and their parents, and, transitively,
     * the tables those need rows in: the ones a NOT NULL foreign key references, and parents. A
     * foreign key that may be NULL of a table the plan does not touch is left NULL, so a plan on a few
     * tables of a long chain of references seeds a few tables, not the chain.
     */
    Set<QualifiedName> touched(MigrationPlan plan) {
        Set<String> changes = new HashSet<>();
        plan.statements().stream().map(PlannedStatement::change).forEach(changes::add);
        Set<String> endings = endings(changes);
        List<Table> changed = snapshot.tables().stream().filter(t -> changes.contains(SnapshotComparison.label(t))
                || t.columns().stream().map(c -> typeName(c.type())).anyMatch(endings::contains)).toList();
        Deque<Table> pending = new ArrayDeque<>();
        Set<QualifiedName> touched = new LinkedHashSet<>();
        for (Table table : changed) {
            touched.add(table.qualifiedName());
            needed(table, false).forEach(pending::add);
        }
        while (!pending.isEmpty()) {
            Table table = pending.pop();
            if (touched.add(table.qualifiedName())) {
                needed(table, true).forEach(pending::add);
            }
        }
        return touched;
    }

    /**
     * What the changes' names end with after any of their spaces ({@code public.mood} for {@code type
     * public.mood}): a column's type is changed when its name is one of them. A set, so that each column
     * of a large schema is looked up once rather than against every change.
     */
    private static Set<String> endings(Set<String> changes) {
        Set<String> endings = new HashSet<>();
        for (String change : changes) {
            for (int space = change.indexOf(' '); space >= 0; space = change.indexOf(' ', space + 1)) {
                endings.add(change.substring(space + 1));
            }
        }
        return endings;
    }

    /** The tables whose rows the table's rows need: those it references (with {@code notNullOnly}, by a NOT NULL key) and its parents. */
    private List<Table> needed(Table table, boolean notNullOnly) {
        List<Table> needed = new ArrayList<>();
        table.constraints().stream().filter(c -> c.referencedTable() != null)
                .filter(c -> !notNullOnly || c.columns().stream().anyMatch(column -> table.column(column)
                        .map(Column::notNull).orElse(true)))
                .forEach(c -> snapshot.table(c.referencedTable()).ifPresent(needed::add));
        table.parents().forEach(name -> snapshot.table(name).ifPresent(needed::add));
        return needed;
    }

    /**
     * The rows of each of {@code tables} the snapshot has, by diff name; a partitioned table is counted
     * with its partitions, the partitions not on their own. The dialect counts them ({@link DataProbe#rowCounts}).
     */
    Map<String, Long> count(Connection connection, Set<QualifiedName> tables) throws SQLException {
        List<Table> counted = snapshot.tables().stream()
                .filter(table -> !table.partition() && tables.contains(table.qualifiedName())).toList();
        Map<QualifiedName, Long> byName = probe.rowCounts(connection, snapshot,
                counted.stream().map(Table::qualifiedName).toList());
        Map<String, Long> counts = new LinkedHashMap<>();
        counted.forEach(table -> counts.put(SnapshotComparison.label(table), byName.get(table.qualifiedName())));
        return counts;
    }

    /** The type a column's type names, for the change to it: {@code public.mood} for {@code public.mood[]}. */
    private static String typeName(String type) {
        return type.replaceAll("(\\[])+$", "").replaceAll("\\(.*\\)$", "");
    }
}
