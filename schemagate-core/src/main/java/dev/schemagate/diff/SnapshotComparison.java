package dev.schemagate.diff;

import dev.schemagate.model.Dependency;
import dev.schemagate.model.Routine;
import dev.schemagate.model.SchemaObject;
import dev.schemagate.model.dialect.Cast;
import dev.schemagate.model.dialect.DialectOwn;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two snapshots (or any two model records) field by field and lists every difference.
 * It walks the records generically, so a property added to the model is compared without a line
 * here: lists of named objects are matched by name (schema objects by qualified name, routines by
 * signature, casts by their types, dependencies by both their ends, listed under the dependent object), and a list whose
 * order matters (columns) also reports a changed order. What a dialect alone says ({@link DialectOwn})
 * is named as the object's own fields are.
 */
public final class SnapshotComparison {

    private SnapshotComparison() {
    }

    /** Every difference between {@code expected} (the source) and {@code actual} (the target), outermost objects first. */
    public static List<Difference> compare(Record expected, Record actual) {
        List<Difference> differences = new ArrayList<>();
        compareRecords(expected, actual, "", differences);
        return differences;
    }

    private static void compareRecords(Record expected, Record actual, String path, List<Difference> out) {
        if (expected.equals(actual)) {
            return;
        }
        for (RecordComponent component : expected.getClass().getRecordComponents()) {
            Object a = RecordFields.read(component, expected);
            Object b = RecordFields.read(component, actual);
            if (Objects.equals(a, b)) {
                continue;
            }
            if (a instanceof List<?> listA && b instanceof List<?> listB && keyed(listA, listB)) {
                compareKeyed(listA, listB, path, component.getName(), out);
            } else if (a instanceof Record recordA && b instanceof Record recordB && a.getClass() == b.getClass()) {
                compareRecords(recordA, recordB, a instanceof DialectOwn ? path : join(path, component.getName()), out);
            } else if (expected instanceof Routine && a instanceof String textA && b instanceof String textB
                    && Whitespace.sameIgnoringWhitespace(textA, textB)) {
                out.add(new Difference(Difference.Kind.CHANGED, path, component.getName() + Whitespace.ONLY, a, b));
            } else {
                out.add(new Difference(Difference.Kind.CHANGED, path, component.getName(), a, b));
            }
        }
    }

    private static void compareKeyed(List<?> expected, List<?> actual, String path, String field, List<Difference> out) {
        Map<String, Record> left = byKey(expected);
        Map<String, Record> right = byKey(actual);
        for (Map.Entry<String, Record> entry : left.entrySet()) {
            Record other = right.get(entry.getKey());
            String itemPath = join(path, label(entry.getValue()));
            if (other == null) {
                out.add(new Difference(Difference.Kind.MISSING, itemPath, "", entry.getValue(), null));
            } else {
                compareRecords(entry.getValue(), other, itemPath, out);
            }
        }
        for (Map.Entry<String, Record> entry : right.entrySet()) {
            if (!left.containsKey(entry.getKey())) {
                out.add(new Difference(Difference.Kind.UNEXPECTED, join(path, label(entry.getValue())), "", null,
                        entry.getValue()));
            }
        }
        List<String> orderLeft = left.keySet().stream().filter(right::containsKey).toList();
        List<String> orderRight = right.keySet().stream().filter(left::containsKey).toList();
        if (!orderLeft.equals(orderRight)) {
            out.add(new Difference(Difference.Kind.CHANGED, path, field + " order", orderLeft, orderRight));
        }
    }

    /** A list is matched by key when all its items are records that have one. */
    private static boolean keyed(List<?> a, List<?> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return false;
        }
        return a.stream().allMatch(SnapshotComparison::hasKey) && b.stream().allMatch(SnapshotComparison::hasKey);
    }

    private static boolean hasKey(Object item) {
        return item instanceof SchemaObject || item instanceof Dependency || item instanceof Cast
                || (item instanceof Record record && nameComponent(record) != null);
    }

    private static Map<String, Record> byKey(List<?> items) {
        Map<String, Record> map = new LinkedHashMap<>();
        for (Object item : items) {
            map.put(key((Record) item), (Record) item);
        }
        return map;
    }

    private static String key(Record item) {
        if (item instanceof Dependency dependency) {
            return dependency.dependent().label() + " › needs " + dependency.referenced().label();
        }
        if (item instanceof Routine routine) {
            return routine.signature();
        }
        if (item instanceof Cast cast) {
            return cast.signature();
        }
        if (item instanceof SchemaObject object) {
            return object.qualifiedName().toString();
        }
        return String.valueOf(RecordFields.read(nameComponent(item), item));
    }

    /**
     * {@code table public.orders}, {@code column total}: the record's kind and its key, as differences name it;
     * a dependency is named under its dependent: {@code view public.totals › needs routine public.total()}.
     */
    public static String label(Record item) {
        if (item instanceof Dependency) {
            return key(item);
        }
        String kind = item.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return kind + " " + key(item);
    }

    private static RecordComponent nameComponent(Record record) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals("name") && component.getType() == String.class) {
                return component;
            }
        }
        return null;
    }

    private static String join(String path, String part) {
        return path.isEmpty() ? part : path + " › " + part;
    }
}
