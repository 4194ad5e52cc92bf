package dev.schemagate.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Puts the model's lists in their canonical order and finds members of sorted lists by name; public
 * for the dialects' own records, which live in a package of their own.
 */
public final class Canonical {

    private Canonical() {
    }

    /** An unmodifiable copy in the given order; null becomes the empty list. */
    public static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
        if (items == null || items.isEmpty()) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(items);
        copy.sort(order);
        return List.copyOf(copy);
    }

    /** An unmodifiable copy that keeps the order it was given in; null becomes the empty list. */
    public static <T> List<T> kept(List<T> items) {
        return items == null ? List.of() : List.copyOf(items);
    }

    /** The item whose key equals {@code key} in a list sorted by that key. */
    public static <T> Optional<T> find(List<T> sortedItems, Function<T, String> key, String wanted) {
        List<String> keys = new KeyView<>(sortedItems, key);
        int at = Collections.binarySearch(keys, wanted);
        return at >= 0 ? Optional.of(sortedItems.get(at)) : Optional.empty();
    }

    /** The item with that schema and name in a list sorted by qualified name. */
    public static <T extends SchemaObject> Optional<T> find(List<T> sortedItems, QualifiedName wanted) {
        int low = 0;
        int high = sortedItems.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compare(sortedItems.get(middle), wanted.schema(), wanted.name());
            if (order == 0) {
                return Optional.of(sortedItems.get(middle));
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return Optional.empty();
    }

    /** Orders schema objects by schema, then name, as {@link QualifiedName#ORDER} orders their names. */
    public static <T extends SchemaObject> Comparator<T> byQualifiedName() {
        return (left, right) -> compare(left, right.schema(), right.name());
    }

    /** How {@code item} orders against the name {@code schema.name}, without making its qualified name. */
    private static int compare(SchemaObject item, String schema, String name) {
        int order = item.schema().compareTo(schema);
        return order != 0 ? order : item.name().compareTo(name);
    }

    private static final class KeyView<T> extends java.util.AbstractList<String> implements java.util.RandomAccess {
        private final List<T> items;
        private final Function<T, String> key;

        KeyView(List<T> items, Function<T, String> key) {
            this.items = items;
            this.key = key;
        }

        @Override
        public String get(int index) {
            return key.apply(items.get(index));
        }

        @Override
        public int size() {
            return items.size();
        }
    }
}
