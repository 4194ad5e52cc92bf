package dev.schemagate.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link SchemaDiff} (and, when there is one, its migration plan) as JSON for tools:
 * {@code {"differences": [{"object", "kind", "changes": [{"path", "field", "expected", "actual"}]}],
 * "statements": [{"sql", "hazards", "destructive"}]}}.
 */
public final class DiffJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiffJson() {
    }

    /** The diff; {@code plan} may be null when no SQL was planned. */
    public static String render(SchemaDiff diff, MigrationPlan plan) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode differences = root.putArray("differences");
        for (ObjectChange object : diff.objects()) {
            ObjectNode node = differences.addObject();
            node.put("object", object.object());
            node.put("kind", object.kind().name().toLowerCase());
            ArrayNode changes = node.putArray("changes");
            for (Difference change : object.changes()) {
                ObjectNode field = changes.addObject();
                field.put("kind", change.kind().name().toLowerCase());
                field.put("path", change.path());
                field.put("field", change.field());
                field.put("expected", change.expected());
                field.put("actual", change.actual());
            }
        }
        if (plan != null) {
            ArrayNode statements = root.putArray("statements");
            for (PlannedStatement statement : plan.statements()) {
                ObjectNode node = statements.addObject();
                node.put("sql", statement.sql());
                ArrayNode hazards = node.putArray("hazards");
                for (Hazard hazard : Hazard.values()) {
                    if (statement.hazards().contains(hazard)) {
                        hazards.add(hazard.name().toLowerCase());
                    }
                }
                node.put("destructive", statement.destructive());
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the diff as JSON", e);
        }
    }
}
