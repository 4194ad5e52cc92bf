package dev.schemagate.postgres.introspect;

import dev.schemagate.model.Column;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns read for every relation, in position order, and their names by position, so that
 * other readers can name key columns the catalog gives as positions without asking the server.
 */
final class Columns {

    private final Map<Long, List<Column>> byRelation = new HashMap<>();
    private final Map<Long, Map<Integer, String>> names = new HashMap<>();

    void add(long relation, int position, Column column) {
        byRelation.computeIfAbsent(relation, r -> new ArrayList<>()).add(column);
        names.computeIfAbsent(relation, r -> new HashMap<>()).put(position, column.name());
    }

    /** The columns of a relation in position order; empty when it has none. */
    List<Column> of(long relation) {
        return byRelation.getOrDefault(relation, List.of());
    }

    /** The names of a relation's columns at those positions, in the order given. */
    List<String> names(long relation, List<Integer> positions) {
        Map<Integer, String> columns = names.getOrDefault(relation, Map.of());
        List<String> named = new ArrayList<>(positions.size());
        for (Integer position : positions) {
            String name = columns.get(position);
            if (name == null) {
                throw new IllegalStateException("relation " + relation + " has no column at position " + position
                        + " among the columns read; the catalog changed during the snapshot or a query lost a column");
            }
            named.add(name);
        }
        return named;
    }
}
