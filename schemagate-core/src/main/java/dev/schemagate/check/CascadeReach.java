package dev.schemagate.check;

import dev.schemagate.model.Constraint;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reach of a delete through {@code ON DELETE CASCADE} foreign keys, as a graph over a
 * snapshot's tables: which cascades a migration added (or turned a key into), and every table a
 * delete can now reach through each, with the paths, so a reviewer sees the blast radius.
 */
public final class CascadeReach {

    private CascadeReach() {
    }

    /** One cascading foreign key: deleting a row of {@code parent} deletes the rows of {@code child} that point at it. */
    public record Edge(QualifiedName parent, QualifiedName child, String constraint) {
        @Override
        public String toString() {
            return parent + " → " + child + " (" + constraint + ")";
        }
    }

    /**
     * A cascade a migration added, and where deletes now reach through it.
     *
     * @param edge    the new cascade
     * @param reached the tables a delete of a row of the edge's parent now reaches through it
     * @param paths every path a delete now takes through it, from a table whose deletes reach it to
     *              each table it reaches, as table names joined by arrows
     */
    public record Reach(Edge edge, List<QualifiedName> reached, List<String> paths) {
    }

    /** Paths listed at most, so a dense graph of cascades cannot grow a finding without end. */
    static final int MAX_PATHS = 100;

    /**
     * The cascades a run has seen so far. A cascade is not new when one joined the same two tables
     * before (a key dropped and added again, as a migration that rebuilds a table does), or when a
     * cascade of the same name joined the same child to a table that is gone, or the same parent to
     * a table that is gone (one of the two tables renamed). A key pointed at another table that
     * exists beside the old one is new.
     */
    public static final class Seen {

        private final Set<List<QualifiedName>> pairs = new HashSet<>();
        private final Map<List<Object>, QualifiedName> parents = new HashMap<>();
        private final Map<List<Object>, QualifiedName> children = new HashMap<>();

        boolean contains(Edge edge, Snapshot now) {
            QualifiedName parent = parents.get(List.of(edge.constraint(), edge.child()));
            QualifiedName child = children.get(List.of(edge.constraint(), edge.parent()));
            return pairs.contains(List.of(edge.parent(), edge.child()))
                    || parent != null && now.table(parent).isEmpty()
                    || child != null && now.table(child).isEmpty();
        }

        void add(Edge edge) {
            pairs.add(List.of(edge.parent(), edge.child()));
            parents.put(List.of(edge.constraint(), edge.child()), edge.parent());
            children.put(List.of(edge.constraint(), edge.parent()), edge.child());
        }
    }

    /**
     * The cascades of {@code after} the run has not seen (a new key, or a key that did not cascade),
     * with their reach; {@code seen} is updated with those of {@code after}.
     */
    public static List<Reach> added(Seen seen, Snapshot after) {
        List<Edge> now = edges(after);
        List<Reach> reaches = new ArrayList<>();
        for (Edge edge : now) {
            if (!seen.contains(edge, after)) {
                reaches.add(reach(now, edge));
            }
        }
        now.forEach(seen::add);
        return reaches;
    }

    static List<Edge> edges(Snapshot snapshot) {
        List<Edge> edges = new ArrayList<>();
        for (Table table : snapshot.tables()) {
            for (Constraint constraint : table.constraints()) {
                if (constraint.type() == Constraint.Type.FOREIGN_KEY && !constraint.inherited()
                        && "CASCADE".equals(constraint.onDelete())) {
                    edges.add(new Edge(constraint.referencedTable(), table.qualifiedName(), constraint.name()));
                }
            }
        }
        return edges;
    }

    /** Paths from each table whose deletes reach the edge's parent (itself included) through the edge to each table beyond. */
    private static Reach reach(List<Edge> edges, Edge through) {
        Map<QualifiedName, List<Edge>> down = new LinkedHashMap<>();
        Map<QualifiedName, List<Edge>> up = new LinkedHashMap<>();
        for (Edge edge : edges) {
            down.computeIfAbsent(edge.parent(), k -> new ArrayList<>()).add(edge);
            up.computeIfAbsent(edge.child(), k -> new ArrayList<>()).add(edge);
        }
        List<List<QualifiedName>> heads = new ArrayList<>();
        walkUp(up, List.of(through.parent()), heads);
        List<List<QualifiedName>> tails = new ArrayList<>();
        walkDown(down, List.of(through.child()), tails);
        Set<QualifiedName> reached = new LinkedHashSet<>();
        tails.forEach(reached::addAll);
        List<String> paths = new ArrayList<>();
        for (List<QualifiedName> head : heads) {
            for (List<QualifiedName> tail : tails) {
                List<QualifiedName> path = new ArrayList<>(head);
                path.addAll(tail);
                String text = String.join(" → ", path.stream().map(Objects::toString).toList());
                if (!paths.contains(text) && paths.size() < MAX_PATHS) {
                    paths.add(text);
                }
            }
        }
        return new Reach(through, List.copyOf(reached), paths);
    }

    /** Every chain of cascades that ends at the first table of {@code path}, shortest first. */
    private static void walkUp(Map<QualifiedName, List<Edge>> up, List<QualifiedName> path, List<List<QualifiedName>> out) {
        if (out.size() >= MAX_PATHS) {
            return;
        }
        out.add(path);
        for (Edge edge : up.getOrDefault(path.get(0), List.of())) {
            if (!path.contains(edge.parent())) {
                List<QualifiedName> longer = new ArrayList<>();
                longer.add(edge.parent());
                longer.addAll(path);
                walkUp(up, longer, out);
            }
        }
    }

    private static void walkDown(Map<QualifiedName, List<Edge>> down, List<QualifiedName> path, List<List<QualifiedName>> out) {
        List<Edge> next = down.getOrDefault(path.get(path.size() - 1), List.of()).stream()
                .filter(edge -> !path.contains(edge.child())).toList();
        if (out.size() >= MAX_PATHS) {
            return;
        }
        if (next.isEmpty()) {
            out.add(path);
        }
        for (Edge edge : next) {
            List<QualifiedName> longer = new ArrayList<>(path);
            longer.add(edge.child());
            walkDown(down, longer, out);
        }
    }
}
