package dev.schemagate.report;

import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.VerifyResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One check of a run (apply, lint, reversibility, …) with its findings, so that reports can list
 * checks without knowing them: a check is named by the prefix of its findings' rule ids
 * ({@code apply.statement-failed} belongs to {@code apply}).
 *
 * @param name     the check, such as {@code apply}
 * @param passed   false when a finding reaches the failing severity
 * @param findings the check's findings, in the run's order
 */
public record CheckOutcome(String name, boolean passed, List<Finding> findings) {

    public CheckOutcome {
        findings = List.copyOf(findings);
    }

    /** The check a rule id belongs to: the part before its first dot. */
    public static String checkOf(String ruleId) {
        int dot = ruleId.indexOf('.');
        return dot < 0 ? ruleId : ruleId.substring(0, dot);
    }

    /** The checks of a run: every check the run made ({@code apply} first), then any other that has findings. */
    public static List<CheckOutcome> of(VerifyResult result) {
        Map<String, List<Finding>> byCheck = new LinkedHashMap<>();
        Arrays.stream(CheckName.values()).filter(result.checks()::contains)
                .forEach(check -> byCheck.putIfAbsent(check.id(), new ArrayList<>()));
        for (Finding finding : result.findings()) {
            byCheck.computeIfAbsent(checkOf(finding.ruleId()), name -> new ArrayList<>()).add(finding);
        }
        List<CheckOutcome> checks = new ArrayList<>();
        byCheck.forEach((name, findings) -> checks.add(new CheckOutcome(name,
                findings.stream().noneMatch(f -> f.severity().atLeast(result.failOn())), findings)));
        return checks;
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
