package dev.schemagate.lint;

import dev.schemagate.check.Finding;
import dev.schemagate.migration.DialectNames;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The observed lint of ory/hydra's whole PostgreSQL history (third-party corpus) runs to the last
 * migration: migrations that fail on the seeded rows are reported and re-run without them.
 */
class HydraObservedLintTest {

    private static final int ROWS = 200;

    @Test
    void theWholeHistoryIsObservedToTheEnd() {
        MigrationSet set = hydra();
        LintResult result = LintFixtures.lintObserved(set, LintConfig.defaults(), ROWS);

        List<Finding> stopped = result.findings().stream().filter(f -> f.ruleId().equals(Rules.OBSERVATION_STOPPED.id())).toList();
        System.out.printf("hydra observed lint, %d migrations, %d rows a table: %d findings, %d cleared, %.1f s%n",
                set.migrations().size(), ROWS, result.findings().size(), result.cleared().size(),
                result.duration().toMillis() / 1000.0);
        result.findings().stream().filter(f -> f.ruleId().equals(Rules.FAILS_ON_SEEDED_ROWS.id())
                || f.ruleId().equals(Rules.SEED_SKIPPED.id())).forEach(f -> System.out.println("  " + f.location() + ": " + f.message()));
        assertThat(stopped).as("the run stopped").isEmpty();
        String blocker = "20220513000001000002_string_slice_json";
        assertThat(result.findings()).as("evidence from migrations after the one that used to stop the run")
                .anyMatch(f -> f.location().file().getFileName().toString().compareTo(blocker) > 0
                        && f.evidence().stream().anyMatch(e -> e.startsWith("observed:")));
    }

    private static MigrationSet hydra() {
        String root = System.getProperty("schemagate.corpus");
        assumeTrue(root != null && !root.isBlank(), "system property schemagate.corpus is not set; corpus test skipped");
        Path folder = Path.of(root).resolve("hydra-migrations/persistence/sql/migrations");
        assumeTrue(Files.isDirectory(folder), "no hydra migrations at " + folder + "; corpus test skipped");
        return MigrationDiscovery.discover(folder, Layout.AUTO, DialectNames.of(List.of("postgres", "postgresql", "pg")));
    }
}
