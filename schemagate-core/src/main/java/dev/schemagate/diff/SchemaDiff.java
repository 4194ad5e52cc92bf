package dev.schemagate.diff;

import dev.schemagate.model.Snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The differences between two snapshots, grouped by top-level object and kept apart from any way
 * of showing them: {@code diff}, {@code drift} and {@code verify --expected} each render it.
 */
public record SchemaDiff(List<ObjectChange> objects) {

    private static final String SEPARATOR = " › ";

    public SchemaDiff {
        objects = List.copyOf(objects);
    }

    /** What differs from {@code expected} (the source) to {@code actual} (the target). */
    public static SchemaDiff of(Snapshot expected, Snapshot actual) {
        return group(SnapshotComparison.compare(expected, actual));
    }

    /** Groups field-level differences by the object their path starts with. */
    public static SchemaDiff group(List<Difference> differences) {
        Map<String, List<Difference>> byObject = new LinkedHashMap<>();
        Map<String, Difference.Kind> kinds = new LinkedHashMap<>();
        for (Difference difference : differences) {
            String path = difference.path();
            int cut = path.indexOf(SEPARATOR);
            String object = path.isEmpty() ? "database" : cut < 0 ? path : path.substring(0, cut);
            String rest = cut < 0 ? "" : path.substring(cut + SEPARATOR.length());
            byObject.computeIfAbsent(object, key -> new ArrayList<>());
            if (rest.isEmpty() && difference.kind() != Difference.Kind.CHANGED) {
                kinds.put(object, difference.kind());
            } else {
                kinds.putIfAbsent(object, Difference.Kind.CHANGED);
                byObject.get(object).add(new Difference(difference.kind(), rest, difference.field(),
                        difference.source(), difference.target()));
            }
        }
        List<ObjectChange> objects = new ArrayList<>();
        byObject.forEach((object, changes) -> objects.add(new ObjectChange(object, kinds.get(object),
                kinds.get(object) == Difference.Kind.CHANGED ? changes : List.of())));
        return new SchemaDiff(objects);
    }

    public boolean isEmpty() {
        return objects.isEmpty();
    }

    /** How many objects only one side has and how many changed, for a one-line summary. */
    public String summary(String first, String second) {
        long missing = objects.stream().filter(o -> o.kind() == Difference.Kind.MISSING).count();
        long unexpected = objects.stream().filter(o -> o.kind() == Difference.Kind.UNEXPECTED).count();
        long changed = objects.size() - missing - unexpected;
        return objects.isEmpty() ? "no differences"
                : missing + " only in " + first + ", " + unexpected + " only in " + second + ", " + changed + " changed";
    }
}
