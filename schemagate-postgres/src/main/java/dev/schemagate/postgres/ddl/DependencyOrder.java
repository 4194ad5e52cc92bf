package dev.schemagate.postgres.ddl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Orders items so that each comes after those it depends on, keeping the given order wherever
 * dependencies allow, so the result is deterministic. Dependencies on items not in the list are
 * ignored, and a cycle is broken where it is found.
 */
final class DependencyOrder {

    private DependencyOrder() {
    }

    static <T, K> List<T> sort(List<T> items, Function<T, K> key, Function<T, Collection<K>> dependencies) {
        Map<K, T> byKey = new HashMap<>();
        items.forEach(item -> byKey.putIfAbsent(key.apply(item), item));
        List<T> ordered = new ArrayList<>(items.size());
        Set<K> visited = new HashSet<>();
        for (T item : items) {
            visit(item, key, dependencies, byKey, visited, ordered);
        }
        return ordered;
    }

    private static <T, K> void visit(T item, Function<T, K> key, Function<T, Collection<K>> dependencies,
                                     Map<K, T> byKey, Set<K> visited, List<T> ordered) {
        if (!visited.add(key.apply(item))) {
            return;
        }
        for (K dependency : dependencies.apply(item)) {
            T needed = byKey.get(dependency);
            if (needed != null) {
                visit(needed, key, dependencies, byKey, visited, ordered);
            }
        }
        ordered.add(item);
    }
}
