package dev.schemagate.report;

import dev.schemagate.check.Finding;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.Script;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The findings of a run grouped under the migration whose up or down script they point at, in
 * the migrations' order, and those about no migration, so that reports can show a long history
 * migration by migration. In a file that declares several migrations (Liquibase changesets) a
 * finding belongs to the last one declared at or before its line.
 *
 * @param byMigration each migration with its findings (possibly none), in order
 * @param runs        each migration's run, when the run applied them (a lint run does not)
 * @param others      findings located in no migration's scripts
 */
record MigrationFindings(Map<Migration, List<Finding>> byMigration, Map<Migration, MigrationRun> runs, List<Finding> others) {

    static MigrationFindings of(VerifyResult result) {
        Map<Migration, List<Finding>> byMigration = new LinkedHashMap<>();
        Map<Path, TreeMap<Integer, Migration>> byFile = new LinkedHashMap<>();
        for (Migration migration : result.migrations().migrations()) {
            byMigration.put(migration, new ArrayList<>());
            put(byFile, migration.up(), migration);
            migration.down().ifPresent(down -> put(byFile, down, migration));
        }
        Map<Migration, MigrationRun> runs = new LinkedHashMap<>();
        result.runs().forEach(run -> runs.put(run.migration(), run));
        List<Finding> others = new ArrayList<>();
        for (Finding finding : result.findings()) {
            Migration owner = finding.location() == null || finding.location().file() == null ? null
                    : owner(byFile.get(key(finding.location().file())), finding.location().line());
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

    private static void put(Map<Path, TreeMap<Integer, Migration>> byFile, Script script, Migration migration) {
        byFile.computeIfAbsent(key(script.file()), file -> new TreeMap<>()).put(script.line(), migration);
    }

    private static Migration owner(TreeMap<Integer, Migration> declared, int line) {
        if (declared == null) {
            return null;
        }
        Map.Entry<Integer, Migration> at = declared.floorEntry(line);
        return (at != null ? at : declared.firstEntry()).getValue();
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
