package dev.schemagate.postgres.introspect;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotJson;
import dev.schemagate.model.dialect.PostgresConstraint;
import dev.schemagate.model.dialect.PostgresIndex;
import dev.schemagate.model.dialect.PostgresRoutine;
import dev.schemagate.model.dialect.PostgresSequence;
import dev.schemagate.model.dialect.PostgresTable;
import dev.schemagate.model.dialect.PostgresTrigger;
import dev.schemagate.model.dialect.PostgresView;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Says where two snapshots differ, as JSON paths with both values, for test failure messages. */
public final class SnapshotDifference {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MOST = 15;
    /** PostgreSQL's own component of each kind of object, as the file writes it when it says nothing. */
    private static final Map<String, JsonNode> DEFAULTS = Map.of("tables", defaults(PostgresTable.PLAIN),
            "indexes", defaults(PostgresIndex.DEFAULTS), "views", defaults(PostgresView.DEFAULTS),
            "routines", defaults(PostgresRoutine.DEFAULTS), "constraints", defaults(PostgresConstraint.DEFAULTS),
            "triggers", defaults(PostgresTrigger.DEFAULTS), "sequences", defaults(PostgresSequence.DEFAULTS));
    private static final Pattern OWNER = Pattern.compile(".*\\.(\\w+)\\[[^\\]]+\\]");

    private SnapshotDifference() {
    }

    static List<String> between(Snapshot expected, Snapshot actual) {
        List<String> differences = new ArrayList<>();
        try {
            compare("", JSON.readTree(SnapshotJson.toJson(expected)), JSON.readTree(SnapshotJson.toJson(actual)),
                    differences);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return differences;
    }

    public static String describe(Snapshot expected, Snapshot actual) {
        List<String> differences = between(expected, actual);
        return differences.size() <= MOST ? String.join("\n", differences)
                : String.join("\n", differences.subList(0, MOST)) + "\n... " + (differences.size() - MOST) + " more";
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected != null && actual != null && expected.isObject() && actual.isObject()) {
            TreeSet<String> fields = new TreeSet<>();
            expected.fieldNames().forEachRemaining(fields::add);
            actual.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                compare(path + "." + field, orDefault(path, field, expected.get(field), actual.get(field)),
                        orDefault(path, field, actual.get(field), expected.get(field)), differences);
            }
        } else if (expected != null && actual != null && expected.isArray() && actual.isArray()) {
            Iterator<JsonNode> left = expected.elements();
            Iterator<JsonNode> right = actual.elements();
            for (int i = 0; left.hasNext() || right.hasNext(); i++) {
                compare(path + "[" + label(i, expected.get(i), actual.get(i)) + "]",
                        left.hasNext() ? left.next() : null, right.hasNext() ? right.next() : null, differences);
            }
        } else if (expected == null ? actual != null : !expected.equals(actual)) {
            differences.add(path + ": expected " + expected + " but was " + actual);
        }
    }

    /**
     * A field the file leaves out where the other file has an object: PostgreSQL's attributes of an
     * object or the snapshot are left out when they are the defaults, so the defaults stand in for
     * them and the difference is named by its field.
     */
    private static JsonNode orDefault(String path, String name, JsonNode field, JsonNode other) {
        if (field != null || other == null || !other.isObject()) {
            return field;
        }
        Matcher owner = OWNER.matcher(path);
        JsonNode defaults = name.equals("postgres") && owner.matches() ? DEFAULTS.get(owner.group(1)) : null;
        return defaults != null ? defaults.deepCopy() : JSON.createObjectNode();
    }

    private static JsonNode defaults(Object component) {
        return JSON.copy().setSerializationInclusion(JsonInclude.Include.NON_EMPTY).valueToTree(component);
    }

    /** An array element by its name where it has one, else by its position. */
    private static String label(int position, JsonNode expected, JsonNode actual) {
        JsonNode named = expected != null ? expected : actual;
        return named != null && named.has("name") ? named.get("name").asText() : Integer.toString(position);
    }
}
