package dev.schemagate.cli;

import dev.schemagate.check.Finding;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration whose scripts hold no statement, as histories keep for another database (hydra's
 * {@code -- this migration is only for sqlite}), is applied without a cycle; one whose down script
 * does something is still cycled, and what that does is reported.
 */
class PlaceholderMigrationTest {

    private static final String URL = Examples.sharedServerUrl();

    @Test
    void aMigrationWithoutStatementsIsAppliedWithoutACycle(@TempDir Path dir) throws Exception {
        write(dir, "1_users", "CREATE TABLE users (id bigint PRIMARY KEY, email text);", "DROP TABLE users;");
        write(dir, "2_only_sqlite", "-- this migration is only for sqlite", "-- this migration is only for sqlite");
        write(dir, "3_name", "ALTER TABLE users ADD COLUMN name text;", "ALTER TABLE users DROP COLUMN name;");

        VerifyResult result = verify(dir);

        assertThat(result.findings()).as(result.findings().toString())
                .allMatch(f -> f.ruleId().equals("lint.missing-lock-timeout"));
        assertThat(result.runs()).allMatch(run -> run.status() == MigrationRun.Status.APPLIED);
        MigrationRun placeholder = result.runs().get(1);
        assertThat(placeholder.reversal()).isEqualTo(MigrationRun.Reversal.NOT_CHECKED);
        assertThat(placeholder.reversalDuration()).as("no cycle ran").isEqualTo(Duration.ZERO);
        assertThat(result.runs().get(2).reversal()).isEqualTo(MigrationRun.Reversal.REVERSED);
    }

    @Test
    void anEmptyUpWhoseDownDoesSomethingIsStillCycled(@TempDir Path dir) throws Exception {
        write(dir, "1_users", "CREATE TABLE users (id bigint PRIMARY KEY, email text);", "DROP TABLE users;");
        write(dir, "2_placeholder", "-- nothing here", "DROP TABLE users;");

        VerifyResult result = verify(dir);

        assertThat(result.runs().get(1).reversal()).isEqualTo(MigrationRun.Reversal.NOT_RESTORED);
        assertThat(result.findings()).extracting(Finding::ruleId).contains("reversibility.schema-not-restored");
    }

    private static void write(Path dir, String name, String up, String down) throws Exception {
        Files.writeString(dir.resolve(name + ".up.sql"), up + "\n");
        Files.writeString(dir.resolve(name + ".down.sql"), down + "\n");
    }

    private static VerifyResult verify(Path dir) {
        return new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(dir)
                .withServer(new ServerOptions(ServerOptions.DEFAULT_VERSION, URL)).withChecks(CheckName.defaults()).withRows(5, 1));
    }
}
