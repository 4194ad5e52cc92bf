package dev.schemagate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.migration.Location;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings as SARIF 2.1.0, which GitHub code scanning (and other viewers) show on the lines
 * of a pull request: one rule per rule id with a link to its documentation, one result per
 * finding with its file (relative to the repository root, the working directory in CI) and
 * position.
 */
public final class SarifReport {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String ROOT = "%SRCROOT%";

    private final ReportPaths paths;

    public SarifReport(ReportPaths paths) {
        this.paths = paths;
    }

    public String render(VerifyResult result) {
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Schemagate");
        driver.put("version", ToolVersion.get());
        driver.put("semanticVersion", ToolVersion.get());
        driver.put("informationUri", RuleDocs.BASE);
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        for (Finding finding : result.findings()) {
            if (!ruleIndex.containsKey(finding.ruleId())) {
                ruleIndex.put(finding.ruleId(), ruleIndex.size());
                rules.add(rule(finding));
            }
        }
        ArrayNode results = run.putArray("results");
        if (result.cut().active()) {
            run.putObject("properties").put("history", result.history()).put("checked", result.checked())
                    .put("historyOrigin", result.cut().origin());
        }
        for (Finding finding : result.findings()) {
            results.add(result(finding, ruleIndex.get(finding.ruleId()), result));
        }
        try {
            return JsonReport.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static ObjectNode rule(Finding example) {
        String id = example.ruleId();
        ObjectNode rule = JsonReport.MAPPER.createObjectNode();
        rule.put("id", id);
        rule.put("name", RuleDocs.name(id));
        rule.putObject("shortDescription").put("text", RuleDocs.title(id));
        rule.putObject("fullDescription").put("text", RuleDocs.description(id));
        rule.put("helpUri", RuleDocs.uri(id));
        rule.putObject("help")
                .put("text", RuleDocs.title(id) + ". What the rule checks and how to fix a finding: " + RuleDocs.uri(id))
                .put("markdown", "**" + RuleDocs.title(id) + "**. What the rule checks and how to fix a finding: ["
                        + id + "](" + RuleDocs.uri(id) + ")");
        rule.putObject("defaultConfiguration").put("level", level(example.severity()));
        rule.putObject("properties").putArray("tags").add(CheckOutcome.checkOf(id));
        return rule;
    }

    private ObjectNode result(Finding finding, int index, VerifyResult run) {
        ObjectNode node = JsonReport.MAPPER.createObjectNode();
        node.put("ruleId", finding.ruleId());
        node.put("ruleIndex", index);
        node.put("level", level(finding.severity()));
        List<String> text = new ArrayList<>();
        text.add(finding.message());
        if (!finding.hint().isEmpty()) {
            text.add(finding.hint());
        }
        node.putObject("message").put("text", String.join("\n", text));
        Location location = finding.location();
        ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
        String file = location == null || location.file() == null
                ? paths.relative(run.migrations().directory()) : paths.relative(location.file());
        ObjectNode artifact = physical.putObject("artifactLocation");
        if (Path.of(file).isAbsolute()) {
            artifact.put("uri", Path.of(file).toUri().toString());
        } else {
            artifact.put("uri", uri(file)).put("uriBaseId", ROOT);
        }
        if (location != null && location.file() != null && location.line() > 0) {
            ObjectNode region = physical.putObject("region").put("startLine", location.line());
            if (location.column() > 0) {
                region.put("startColumn", location.column());
            }
        }
        return node;
    }

    /** A relative path as a URI reference: {@code my file.sql} → {@code my%20file.sql}. */
    static String uri(String relativePath) {
        try {
            return new URI(null, null, relativePath, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + relativePath, e);
        }
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
