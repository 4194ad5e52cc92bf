package dev.schemagate.lint;

import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a lint run: the findings, what the text suspected but the database's evidence
 * cleared, and how long it took.
 *
 * @param findings   the findings, in file and statement order
 * @param cleared    suspicions the evidence cleared (empty for a static run)
 * @param observed   whether the statements ran on a database
 * @param failOn     the lowest severity that fails the run
 * @param duration   wall time of the lint
 */
public record LintResult(List<Finding> findings, List<Suspicion> cleared, boolean observed, Severity failOn,
                         Duration duration) {

    public LintResult {
        findings = List.copyOf(findings);
        cleared = List.copyOf(cleared);
    }

    public boolean passed() {
        return findings.stream().noneMatch(f -> f.severity().atLeast(failOn));
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** The same result with more findings (such as the history guard's) before its own. */
    public LintResult with(List<Finding> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Finding> all = new java.util.ArrayList<>(more);
        all.addAll(findings);
        return new LintResult(all, cleared, observed, failOn, duration);
    }
}
