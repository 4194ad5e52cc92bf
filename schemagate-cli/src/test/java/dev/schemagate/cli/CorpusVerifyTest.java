package dev.schemagate.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Real histories written by other projects apply from start to end. */
class CorpusVerifyTest {

    private static final String URL = Examples.sharedServerUrl();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "hydra-migrations/persistence/sql/migrations, 228",
            "authelia-migrations/internal/storage/migrations/postgres, 26",
    })
    void appliesTheWholePostgresHistory(String folder, int migrations) {
        Path corpus = Path.of(System.getProperty("schemagate.corpus", "../shared/corpus"));
        Assumptions.assumeTrue(Files.isDirectory(corpus.resolve(folder)), "corpus not found at " + corpus.resolve(folder));

        CommandRun run = CommandRun.of("verify", corpus.resolve(folder).toString(), "--db-url", URL, "--checks", "apply");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("PASSED " + migrations + " of " + migrations + " migrations applied, 0 errors");
    }
}
