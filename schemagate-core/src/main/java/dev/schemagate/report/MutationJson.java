package dev.schemagate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.MutantResult;
import dev.schemagate.mutation.MutationOperator;
import dev.schemagate.mutation.MutationResult;
import dev.schemagate.mutation.Score;

import java.util.Locale;
import java.util.Map;

/** The mutation run as JSON ({@code mutation.json}): scores overall, per category and per severity, and every mutant. */
public final class MutationJson {

    private final ReportPaths paths;

    public MutationJson(ReportPaths paths) {
        this.paths = paths;
    }

    public String render(MutationResult result) {
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("schemaVersion", 1);
        root.put("tool", "schemagate " + ToolVersion.get());
        root.put("directory", paths.relative(result.migrations().directory()));
        root.put("server", result.server());
        root.put("cloning", result.cloning());
        root.put("generated", result.generated());
        root.put("passed", result.passed());
        if (result.minKillRate() > 0) {
            root.put("minKillRate", result.minKillRate());
        } else {
            root.putNull("minKillRate");
        }
        root.put("durationMs", result.duration().toMillis());
        root.set("score", score(result.overall()));
        ObjectNode categories = root.putObject("byCategory");
        for (Map.Entry<Category, Score> entry : result.byCategory().entrySet()) {
            categories.set(entry.getKey().id(), score(entry.getValue()));
        }
        ObjectNode severities = root.putObject("bySeverity");
        for (Map.Entry<Severity, Score> entry : result.bySeverity().entrySet()) {
            severities.set(entry.getKey().name().toLowerCase(Locale.ROOT), score(entry.getValue()));
        }
        ArrayNode operators = root.putArray("operators");
        for (MutationOperator operator : result.operators()) {
            operators.addObject().put("id", operator.id()).put("category", operator.category().id())
                    .put("severity", operator.severity().name().toLowerCase(Locale.ROOT)).put("description", operator.description());
        }
        ArrayNode mutants = root.putArray("mutants");
        JsonReport findings = new JsonReport(paths);
        for (MutantResult r : result.results()) {
            ObjectNode node = mutants.addObject();
            node.put("id", r.mutant().id());
            node.put("operator", r.mutant().operator().id());
            node.put("category", r.mutant().operator().category().id());
            node.put("severity", r.mutant().operator().severity().name().toLowerCase(Locale.ROOT));
            node.put("migration", result.migrations().migrations().get(r.mutant().migration()).displayName());
            node.put("script", r.mutant().direction().id());
            node.put("file", paths.relative(r.mutant().file()));
            node.put("line", r.mutant().line());
            node.put("change", r.mutant().summary());
            node.put("verdict", r.verdict().id());
            node.put("note", r.note());
            node.put("wouldBeCaughtBy", r.mutant().operator().caughtBy());
            node.put("diff", r.mutant().diff());
            node.put("durationMs", r.took().toMillis());
            ArrayNode caught = node.putArray("caughtBy");
            r.caughtBy().forEach(f -> caught.add(findings.finding(f)));
        }
        try {
            return JsonReport.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the mutation report could not be written as JSON", e);
        }
    }

    private static ObjectNode score(Score score) {
        ObjectNode node = JsonReport.MAPPER.createObjectNode();
        node.put("killRate", Math.round(score.killRate() * 10) / 10.0);
        node.put("killed", score.killed());
        node.put("survived", score.survived());
        node.put("timedOut", score.timedOut());
        node.put("equivalent", score.equivalent());
        node.put("notRun", score.notRun());
        return node;
    }
}
