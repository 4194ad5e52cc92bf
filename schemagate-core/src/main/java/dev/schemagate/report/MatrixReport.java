package dev.schemagate.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.check.Finding;
import dev.schemagate.engine.MigrationOutcome;
import dev.schemagate.matrix.MatrixDifference;
import dev.schemagate.matrix.MatrixResult;
import dev.schemagate.matrix.Target;
import dev.schemagate.matrix.TargetOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one report of a matrix run, over the targets' own reports: a verdict line per target, and
 * the migrations whose outcome differs between targets, each said in one line
 * ({@code 0042 x: applied on sqlite; failed on mysql 5: 0042_x.up.sql:3:5: syntax error …});
 * as JSON, the same with each target's whole JSON report inside.
 */
public final class MatrixReport {

    /** Raised when a field of {@code matrix.json} is removed, renamed or changes meaning. */
    public static final int SCHEMA_VERSION = 1;
    /** The file the JSON format writes into the output folder. */
    public static final String FILE = "matrix.json";

    private final ReportPaths paths;

    public MatrixReport(ReportPaths paths) {
        this.paths = paths;
    }

    /** The heading of a target's section of the console report. */
    public static String heading(Target target, Ansi ansi) {
        return ansi.bold("── " + target.label() + " ──");
    }

    /** The lines after every target's own report: a verdict per target, the differences, the overall verdict. */
    public List<String> summary(MatrixResult result, Ansi ansi) {
        List<String> lines = new ArrayList<>();
        lines.add(ansi.bold("Targets"));
        int width = result.outcomes().stream().mapToInt(o -> o.target().label().length()).max().orElse(0);
        for (TargetOutcome outcome : result.outcomes()) {
            String label = outcome.target().label();
            lines.add("  " + label + " ".repeat(width - label.length()) + "  " + verdict(outcome, ansi));
        }
        if (!result.differences().isEmpty()) {
            lines.add("");
            lines.add(ansi.bold("Differences between targets"));
            result.differences().forEach(difference -> lines.add("  " + text(difference)));
        }
        lines.add("");
        long failing = result.failing().size();
        String counts = String.format(Locale.ROOT, "%d of %d targets passed, %s (%.2f s)",
                result.outcomes().size() - failing, result.outcomes().size(),
                ConsoleReport.count(result.differences().size(), "difference"), result.duration().toMillis() / 1000.0);
        lines.add(result.passed() ? ansi.green(ansi.bold("PASSED")) + " " + counts
                : ansi.red(ansi.bold("FAILED")) + " " + counts + ": " + String.join(", ", result.failing()));
        return lines;
    }

    private static String verdict(TargetOutcome outcome, Ansi ansi) {
        if (outcome.result() == null) {
            return ansi.red(ansi.bold("ERROR")) + " " + PlainText.of(outcome.error());
        }
        return ConsoleReport.verdict(outcome.result(), ansi);
    }

    /**
     * One difference in a line: the targets grouped by the migration's outcome, in target order,
     * the outcomes that went through first, each failing outcome with its first error.
     */
    public String text(MatrixDifference difference) {
        Map<MigrationOutcome, List<MatrixDifference.Verdict>> groups = new LinkedHashMap<>();
        difference.verdicts().stream().filter(v -> v.outcome().ok()).forEach(v -> groups.computeIfAbsent(v.outcome(), k -> new ArrayList<>()).add(v));
        difference.verdicts().stream().filter(v -> !v.outcome().ok()).forEach(v -> groups.computeIfAbsent(v.outcome(), k -> new ArrayList<>()).add(v));
        List<String> parts = new ArrayList<>();
        groups.forEach((outcome, verdicts) -> {
            String part = outcome.label() + " on " + String.join(", ", verdicts.stream().map(v -> v.target().label()).toList());
            Finding reason = verdicts.get(0).reason();
            parts.add(reason == null ? part : part + ": " + reason(reason));
        });
        return difference.migration() + ": " + String.join("; ", parts);
    }

    private String reason(Finding finding) {
        String where = paths.text(finding.location());
        String message = PlainText.of(finding.message());
        return where.isEmpty() ? message : where + ": " + message;
    }

    /** The whole matrix as JSON: per target its verdict and its own JSON report, and the differences. */
    public String json(MatrixResult result) {
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("tool", "schemagate");
        root.put("verdict", result.passed() ? "passed" : "failed");
        root.put("durationMs", result.duration().toMillis());
        ArrayNode targets = root.putArray("targets");
        for (TargetOutcome outcome : result.outcomes()) {
            ObjectNode target = targets.addObject();
            target.put("target", outcome.target().label());
            target.put("dialect", outcome.target().dialect());
            target.put("version", outcome.target().version());
            target.put("verdict", outcome.result() == null ? "error" : outcome.passed() ? "passed" : "failed");
            target.put("error", outcome.error());
            target.set("report", outcome.result() == null ? null : new JsonReport(paths).tree(outcome.result()));
        }
        ArrayNode differences = root.putArray("differences");
        for (MatrixDifference difference : result.differences()) {
            ObjectNode node = differences.addObject();
            node.put("migration", difference.migration());
            node.put("text", text(difference));
            ArrayNode verdicts = node.putArray("verdicts");
            for (MatrixDifference.Verdict verdict : difference.verdicts()) {
                ObjectNode v = verdicts.addObject().put("target", verdict.target().label()).put("outcome", verdict.outcome().id());
                if (verdict.reason() != null) {
                    v.put("ruleId", verdict.reason().ruleId()).put("location", paths.text(verdict.reason().location()))
                            .put("message", verdict.reason().message());
                }
            }
        }
        try {
            return JsonReport.MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
