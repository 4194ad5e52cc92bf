package dev.schemagate.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Renders a {@link SchemaDiff} (and, when there is one, its proven migration plan) as JSON for tools,
 * as {@code docs/diff-json.schema.json} describes: {@code {"schemaVersion": 1, "differences": [{"object",
 * "kind", "changes": [{"kind", "path", "field", "source", "target"}]}], "statements": [{"sql", "change",
 * "hazards", "destructive", "heldBack"}], "validation": {...}, "server"}}. Values keep their types.
 */
public final class DiffJson {

    /** The version of the document's shape; it changes when a field changes meaning or goes. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiffJson() {
    }

    /** The differences alone, as {@code drift} reports them. */
    public static String render(SchemaDiff diff) {
        return write(differences(diff));
    }

    /**
     * The differences, the plan's statements with those held back marked, what proving the plan showed,
     * and the server both schemas were read and the plan proven on (null when each was read where it is).
     */
    public static String render(SchemaDiff diff, PlanProof proof, List<PlannedStatement> heldBack, String server) {
        ObjectNode root = differences(diff);
        if (server != null) {
            root.put("server", server);
        }
        ArrayNode statements = root.putArray("statements");
        for (PlannedStatement statement : proof.plan().statements()) {
            ObjectNode node = statements.addObject();
            node.put("sql", statement.sql());
            node.put("change", statement.change());
            ArrayNode hazards = node.putArray("hazards");
            for (Hazard hazard : Hazard.values()) {
                if (statement.hazards().contains(hazard)) {
                    hazards.add(hazard.key(proof.plan().strongestLock()));
                }
            }
            node.put("destructive", statement.destructive());
            node.put("heldBack", heldBack.contains(statement));
        }
        ObjectNode validation = root.putObject("validation");
        validation.put("proven", proof.problems().isEmpty());
        proof.problems().forEach(validation.putArray("problems")::add);
        proof.warnings().forEach(validation.putArray("warnings")::add);
        validation.set("leftOut", changes(proof.leftOut()));
        ObjectNode rows = validation.putObject("rowsLost");
        proof.full().rowsLost().forEach(rows::put);
        return write(root);
    }

    private static ObjectNode differences(SchemaDiff diff) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.set("differences", changes(diff));
        return root;
    }

    private static ArrayNode changes(SchemaDiff diff) {
        ArrayNode differences = MAPPER.createArrayNode();
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
                field.set("source", DiffValues.json(change.source()));
                field.set("target", DiffValues.json(change.target()));
            }
        }
        return differences;
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the diff as JSON", e);
        }
    }
}
