package dev.schemagate.report;

import dev.schemagate.check.Finding;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.migration.Migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The findings of a run grouped under the migration whose up or down script they point at, in
 * the migrations' order, and those about no migration, so that reports can show a long history
 * migration by migration (see {@link dev.schemagate.migration.MigrationSet#owner}).
 *
 * @param byMigration each migration with its findings (possibly none), in order
 * @param runs        each migration's run, when the run applied them (a lint run does not)
 * @param others      findings located in no migration's scripts
 */
record MigrationFindings(Map<Migration, List<Finding>> byMigration, Map<Migration, MigrationRun> runs, List<Finding> others) {

    static MigrationFindings of(VerifyResult result) {
        Map<Migration, List<Finding>> byMigration = new LinkedHashMap<>();
        for (Migration migration : result.migrations().migrations()) {
            byMigration.put(migration, new ArrayList<>());
        }
        Map<Migration, MigrationRun> runs = new LinkedHashMap<>();
        result.runs().forEach(run -> runs.put(run.migration(), run));
        List<Finding> others = new ArrayList<>();
        for (Finding finding : result.findings()) {
            Migration owner = result.migrations().owner(finding.location()).orElse(null);
            if (owner == null) {
                others.add(finding);
            } else {
                byMigration.get(owner).add(finding);
            }
        }
        return new MigrationFindings(byMigration, runs, others);
    }

    Optional<MigrationRun> run(Migration migration) {
        return Optional.ofNullable(runs.get(migration));
    }
}
