package dev.schemagate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.engine.MigrationOutcome;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Migration;

import java.util.Locale;

/**
 * The whole verify result as JSON, for other tools: checks, migrations with their timings, and
 * findings with their evidence. The shape is versioned by {@code schemaVersion} and described in
 * {@code docs/report-json.md} and {@code docs/report-json.schema.json}; a change that removes or
 * renames a field raises the version.
 */
public final class JsonReport {

    /** Raised when a field is removed, renamed or changes meaning; adding a field keeps it. */
    public static final int SCHEMA_VERSION = 2;

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ReportPaths paths;

    public JsonReport(ReportPaths paths) {
        this.paths = paths;
    }

    public String render(VerifyResult result) {
        try {
            return MAPPER.writeValueAsString(tree(result)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    JsonNode tree(VerifyResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("tool", "schemagate");
        root.put("verdict", result.passed() ? "passed" : "failed");
        root.put("failOn", lower(result.failOn()));
        root.put("directory", paths.relative(result.migrations().directory()));
        root.put("layout", result.migrations().layout().id());
        root.put("server", result.server());
        root.put("durationMs", result.duration().toMillis());
        root.set("summary", summary(result));
        ArrayNode checks = root.putArray("checks");
        for (CheckOutcome check : CheckOutcome.of(result)) {
            checks.addObject().put("name", check.name()).put("status", check.passed() ? "passed" : "failed")
                    .put("findings", check.findings().size());
        }
        ArrayNode migrations = root.putArray("migrations");
        result.runs().forEach(run -> migrations.add(migration(run)));
        ArrayNode findings = root.putArray("findings");
        result.findings().forEach(finding -> findings.add(finding(finding)));
        return root;
    }

    private ObjectNode summary(VerifyResult result) {
        ObjectNode summary = MAPPER.createObjectNode();
        summary.put("migrations", result.runs().size());
        for (MigrationOutcome outcome : MigrationOutcome.values()) {
            summary.put(outcome.id(), result.runs().stream().filter(r -> r.outcome() == outcome).count());
        }
        summary.put("history", result.history());
        summary.put("checked", result.checked());
        summary.put("historyOrigin", result.cut().active() ? result.cut().origin() : null);
        summary.put("errors", result.count(Severity.ERROR));
        summary.put("warnings", result.count(Severity.WARNING));
        summary.put("infos", result.count(Severity.INFO));
        return summary;
    }

    private ObjectNode migration(MigrationRun run) {
        Migration migration = run.migration();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("version", migration.repeatable() ? null : migration.version().text());
        node.put("description", migration.description());
        node.put("name", migration.displayName());
        node.put("status", run.outcome().id());
        node.put("history", run.history());
        node.put("durationMs", run.duration().toMillis());
        node.put("statements", run.statements());
        node.put("upFile", paths.relative(migration.up().file()));
        node.put("downFile", migration.down().map(down -> paths.relative(down.file())).orElse(null));
        node.put("autocommitReason", run.autocommitReason().isEmpty() ? null : run.autocommitReason());
        return node;
    }

    ObjectNode finding(Finding finding) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("ruleId", finding.ruleId());
        node.put("check", CheckOutcome.checkOf(finding.ruleId()));
        node.put("severity", lower(finding.severity()));
        Location location = finding.location();
        if (location == null || location.file() == null) {
            node.putNull("location");
        } else {
            ObjectNode at = node.putObject("location");
            at.put("file", paths.relative(location.file()));
            putPositive(at, "line", location.line());
            putPositive(at, "column", location.column());
        }
        node.put("message", finding.message());
        node.put("hint", finding.hint());
        ArrayNode evidence = node.putArray("evidence");
        finding.evidence().forEach(evidence::add);
        return node;
    }

    private static void putPositive(ObjectNode node, String field, int value) {
        if (value > 0) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    private static String lower(Severity severity) {
        return severity.name().toLowerCase(Locale.ROOT);
    }
}
