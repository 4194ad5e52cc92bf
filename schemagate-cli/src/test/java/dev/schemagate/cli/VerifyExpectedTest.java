package dev.schemagate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code schemagate verify --expected}: the migrated end state must be the expected schema. */
class VerifyExpectedTest {

    private static final String URL = Examples.sharedServerUrl();

    @Test
    void theSnapshotOfTheMigrationsIsWhatTheyAreExpectedToGive(@TempDir Path dir) {
        Path expected = dir.resolve("expected.json");
        assertThat(CommandRun.of("snapshot", Examples.example("shop"), "-o", expected.toString(), "--db-url", URL).exitCode()).isZero();

        CommandRun run = CommandRun.of("verify", Examples.example("shop"), "--expected", expected.toString(), "--db-url", URL);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).doesNotContain("expected.schema-differs");
    }

    @Test
    void aDifferentEndStateFailsAndShowsTheDifference(@TempDir Path dir) throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("001_accounts.sql"), "CREATE TABLE accounts (id int PRIMARY KEY, name text);\n");
        Path expected = dir.resolve("schema.sql");
        Files.writeString(expected, "CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);\n");

        CommandRun run = CommandRun.of("verify", migrations.toString(), "--layout", "plain", "--expected", expected.toString(),
                "--db-url", URL);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains("expected.schema-differs", "~ table public.accounts",
                "column id › type: 'bigint' → 'integer'", "column name › notNull: true → false");
    }
}
