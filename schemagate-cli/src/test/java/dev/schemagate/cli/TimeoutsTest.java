package dev.schemagate.cli;

import dev.schemagate.check.Finding;
import dev.schemagate.check.ScriptOutcome;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.Timeouts;
import dev.schemagate.migration.Script;
import dev.schemagate.postgres.PostgresDialect;
import dev.schemagate.postgres.server.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --statement-timeout} and {@code --lock-timeout}: a statement that sleeps or waits too long is a finding at its line. */
class TimeoutsTest {

    @TempDir
    Path dir;

    @Test
    void aSleepingStatementHitsTheStatementTimeout() throws Exception {
        Files.writeString(dir.resolve("1_sleep.up.sql"), "CREATE TABLE t (id int);\nSELECT pg_sleep(60);\n");
        Files.writeString(dir.resolve("1_sleep.down.sql"), "DROP TABLE t;\n");
        long start = System.nanoTime();

        CommandRun run = CommandRun.of("verify", dir.toString(), "--checks", "apply", "--statement-timeout", "1s");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(50));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains("1_sleep.up.sql:2:1: error: canceling statement due to statement timeout")
                .contains("--statement-timeout");
    }

    @Test
    void aStatementWaitingForALockHitsTheLockTimeout() throws Exception {
        Path script = dir.resolve("1_alter.up.sql");
        Files.writeString(script, "SELECT 1;\nALTER TABLE t ADD COLUMN x int;\n");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start("17", new Timeouts(Duration.ofMinutes(5), Duration.ofSeconds(1)));
             ScratchDatabase database = server.createDatabase();
             Connection holder = database.connect(); Connection migration = database.connect()) {
            try (Statement statement = holder.createStatement()) {
                statement.execute("CREATE TABLE t (id int)");
                holder.setAutoCommit(false);
                statement.execute("LOCK TABLE t");
            }

            ScriptOutcome outcome = new ScriptRunner(new PostgresDialect()).run(migration, Script.of(script, Files.readString(script)));

            Finding failure = outcome.failure().orElseThrow();
            assertThat(failure.location().line()).isEqualTo(2);
            assertThat(failure.message()).contains("lock timeout");
            assertThat(failure.hint()).contains("--lock-timeout");
        }
    }

    @Test
    void aDurationThatIsNotOneIsAnInputError() {
        CommandRun run = CommandRun.of("verify", dir.toString(), "--lock-timeout", "soon");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("--lock-timeout 'soon' is not a duration");
    }

    @Test
    void durationsReadAsPostgresWritesThem() {
        assertThat(Timeouts.parse("x", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Timeouts.parse("x", "30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Timeouts.parse("x", "15")).isEqualTo(Duration.ofSeconds(15));
        assertThat(Timeouts.parse("x", "5min")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Timeouts.parse("x", "1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Timeouts.parse("x", "0")).isZero();
    }
}
