package dev.schemagate.junit5;

import dev.schemagate.check.Finding;
import dev.schemagate.check.ProbeFindings;
import dev.schemagate.data.ProbeOutcome;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.model.QualifiedName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The probes check's outcomes as dynamic tests, one per probe under one container per table, for
 * {@link MigrationVerification#probes()}: a probe held passes, one skipped is aborted with its
 * reason, one broken fails with its finding when that reaches the run's failing severity.
 */
final class ProbeTests {

    private ProbeTests() {
    }

    static List<DynamicNode> nodes(VerifyResult result) {
        List<DynamicNode> nodes = new ArrayList<>();
        List<Finding> others = result.findings().stream().filter(f -> !f.ruleId().startsWith("probes.")
                || f.ruleId().equals(ProbeFindings.CASCADE_REACH) || f.ruleId().equals(ProbeFindings.UNAVAILABLE)).toList();
        for (Finding finding : others) {
            String name = finding.ruleId() + ": " + finding.message();
            nodes.add(DynamicTest.dynamicTest(name, () -> MigrationVerification.fail(name, result, List.of(finding))));
        }
        MigrationRun last = result.runs().isEmpty() ? null : result.runs().get(result.runs().size() - 1);
        if (last == null || last.status() != MigrationRun.Status.APPLIED) {
            return nodes;
        }
        Map<QualifiedName, List<DynamicNode>> byTable = new LinkedHashMap<>();
        for (ProbeOutcome outcome : result.probes()) {
            byTable.computeIfAbsent(outcome.table(), table -> new ArrayList<>())
                    .add(DynamicTest.dynamicTest(outcome.name(), () -> judge(result, last, outcome)));
        }
        byTable.forEach((table, tests) -> nodes.add(DynamicContainer.dynamicContainer(table.toString(), tests.stream())));
        return nodes;
    }

    private static void judge(VerifyResult result, MigrationRun last, ProbeOutcome outcome) {
        switch (outcome.verdict()) {
            case HELD -> { }
            case SKIPPED -> throw new TestAbortedException("not probed: " + outcome.observed());
            case BROKEN -> MigrationVerification.fail(outcome.name(), result,
                    List.of(ProbeFindings.broken(last.migration(), outcome)));
        }
    }
}
