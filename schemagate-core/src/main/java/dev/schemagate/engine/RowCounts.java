package dev.schemagate.engine;

import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.diff.PlannedStatement;
import dev.schemagate.diff.SnapshotComparison;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The tables a plan touches, with the tables they reference (so their foreign keys can be seeded),
 * and their row counts, by the name the diff gives them ({@code table public.orders}).
 */
final class RowCounts {

    private final Snapshot snapshot;

    RowCounts(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /**
     * The tables some statement of the plan serves or whose columns are of a type it changes, and
     * every table they reference, transitively.
     */
    Set<QualifiedName> touched(MigrationPlan plan) {
        Set<String> changes = new LinkedHashSet<>();
        plan.statements().stream().map(PlannedStatement::change).forEach(changes::add);
        Deque<Table> pending = new ArrayDeque<>();
        snapshot.tables().stream().filter(t -> changes.contains(SnapshotComparison.label(t))
                || t.columns().stream().anyMatch(c -> changes.stream().anyMatch(change -> ofType(change, c.type()))))
                .forEach(pending::add);
        Set<QualifiedName> touched = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            Table table = pending.pop();
            if (!touched.add(table.qualifiedName())) {
                continue;
            }
            table.constraints().stream().map(Constraint::referencedTable).filter(java.util.Objects::nonNull)
                    .forEach(name -> snapshot.table(name).ifPresent(pending::add));
            table.parents().forEach(name -> snapshot.table(name).ifPresent(pending::add));
        }
        return touched;
    }

    /**
     * The rows of each of {@code tables} the snapshot has, by diff name; a partitioned table is counted
     * with its partitions, the partitions not on their own.
     */
    Map<String, Long> count(Connection connection, Set<QualifiedName> tables) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Table table : snapshot.tables()) {
            if (table.partitionOf() != null || !tables.contains(table.qualifiedName())) {
                continue;
            }
            String only = table.partitionKey() == null ? "ONLY " : "";
            try (java.sql.Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + only + quoted(table.qualifiedName()))) {
                rs.next();
                counts.put(SnapshotComparison.label(table), rs.getLong(1));
            }
        }
        return counts;
    }

    /** The change is to the column's type ({@code enum type public.mood} for {@code public.mood[]}). */
    private static boolean ofType(String change, String type) {
        String name = type.replaceAll("(\\[])+$", "").replaceAll("\\(.*\\)$", "");
        return change.endsWith(" " + name);
    }

    private static String quoted(QualifiedName name) {
        return "\"" + name.schema().replace("\"", "\"\"") + "\".\"" + name.name().replace("\"", "\"\"") + "\"";
    }
}
