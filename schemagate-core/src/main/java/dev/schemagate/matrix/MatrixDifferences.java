package dev.schemagate.matrix;

import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.engine.MigrationOutcome;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.migration.Version;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the migrations whose outcome differs between the targets of a matrix run. Migrations are
 * matched by their version and description, so a dialect's own file for a version ({@code
 * 0042_x.sqlite3.up.sql}) is compared with another dialect's ({@code 0042_x.mysql.up.sql}). Where
 * the targets ran the same script, any other outcome is a difference (it rolls back on one server
 * and not on another); where each dialect has a script of its own, only applying on one and failing
 * on another is, as the rest is each script's own doing and each target's report says it. A
 * migration only one target has, or one a target did not reach, is not a difference.
 */
public final class MatrixDifferences {

    private MatrixDifferences() {
    }

    public static List<MatrixDifference> between(List<TargetOutcome> outcomes) {
        Map<String, List<MatrixDifference.Verdict>> byMigration = new LinkedHashMap<>();
        Map<String, Set<Path>> files = new LinkedHashMap<>();
        Map<String, Version> versions = new LinkedHashMap<>();
        for (TargetOutcome outcome : outcomes) {
            VerifyResult result = outcome.result();
            if (result == null) {
                continue;
            }
            for (MigrationRun run : result.runs()) {
                if (run.outcome() == MigrationOutcome.NOT_RUN) {
                    continue;
                }
                String name = run.migration().displayName();
                versions.putIfAbsent(name, run.migration().version());
                files.computeIfAbsent(name, k -> new HashSet<>()).add(run.migration().up().file());
                byMigration.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(new MatrixDifference.Verdict(outcome.target(), run.outcome(), reason(result, run)));
            }
        }
        List<MatrixDifference> differences = new ArrayList<>();
        byMigration.forEach((name, verdicts) -> {
            boolean sameScript = files.get(name).size() == 1;
            long kinds = verdicts.stream().map(v -> sameScript ? v.outcome() : v.outcome() == MigrationOutcome.FAILED)
                    .distinct().count();
            if (verdicts.size() > 1 && kinds > 1) {
                differences.add(new MatrixDifference(name, verdicts));
            }
        });
        differences.sort(Comparator.comparing((MatrixDifference d) -> versions.get(d.migration()),
                Comparator.nullsLast(Comparator.naturalOrder())));
        return differences;
    }

    /** The first error about the run's migration, when it did not go through. */
    private static Finding reason(VerifyResult result, MigrationRun run) {
        MigrationOutcome outcome = run.outcome();
        if (outcome.ok() || outcome == MigrationOutcome.NOT_RUN) {
            return null;
        }
        return result.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR && f.location() != null && result.concerns(run, f))
                .findFirst().orElse(null);
    }
}
