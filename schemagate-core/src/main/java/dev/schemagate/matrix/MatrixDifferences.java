package dev.schemagate.matrix;

import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.engine.MigrationOutcome;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.migration.Version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the migrations whose outcome differs between the targets of a matrix run. Migrations are
 * matched by their version and description, so a dialect's own file for a version ({@code
 * 0042_x.sqlite3.up.sql}) is compared with another dialect's ({@code 0042_x.mysql.up.sql}); a
 * migration only one target has is not a difference (a history ships a dialect's files only where
 * that dialect needs them).
 */
public final class MatrixDifferences {

    private MatrixDifferences() {
    }

    public static List<MatrixDifference> between(List<TargetOutcome> outcomes) {
        Map<String, List<MatrixDifference.Verdict>> byMigration = new LinkedHashMap<>();
        Map<String, Version> versions = new LinkedHashMap<>();
        for (TargetOutcome outcome : outcomes) {
            VerifyResult result = outcome.result();
            if (result == null) {
                continue;
            }
            for (MigrationRun run : result.runs()) {
                String name = run.migration().displayName();
                versions.putIfAbsent(name, run.migration().version());
                byMigration.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(new MatrixDifference.Verdict(outcome.target(), run.outcome(), reason(result, run)));
            }
        }
        List<MatrixDifference> differences = new ArrayList<>();
        byMigration.forEach((name, verdicts) -> {
            if (verdicts.size() > 1 && verdicts.stream().map(MatrixDifference.Verdict::outcome).distinct().count() > 1) {
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
