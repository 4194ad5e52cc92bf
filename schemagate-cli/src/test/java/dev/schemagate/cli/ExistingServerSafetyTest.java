package dev.schemagate.cli;

import dev.schemagate.check.Finding;
import dev.schemagate.check.OutsideReach;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code --db-url} on a server of its own: a history written to change the server (drop another
 * database, create roles, change its settings, run a program) changes nothing outside the run's
 * scratch databases, and every such statement is named with its file and line.
 */
class ExistingServerSafetyTest {

    @TempDir
    static Path dir;

    private static Path hostile;
    private static Path marker;

    @BeforeAll
    static void writeHostileHistory() throws IOException, SQLException {
        SecondServer.admin("DROP DATABASE IF EXISTS victim");
        SecondServer.admin("CREATE DATABASE victim");
        marker = dir.resolve("program-ran");
        hostile = dir.resolve("hostile");
        Files.createDirectories(hostile);
        write("1_accounts.up.sql", "CREATE TABLE accounts (id int);\n");
        write("1_accounts.down.sql", "DROP TABLE accounts;\n");
        write("2_drop_victim.up.sql", "-- tidy up\nDROP DATABASE victim;\n");
        write("2_drop_victim.down.sql", "CREATE DATABASE victim;\n");
        write("3_roles.up.sql", "CREATE ROLE intruder LOGIN SUPERUSER;\nGRANT pg_read_server_files TO intruder;\n");
        write("3_roles.down.sql", "DROP ROLE intruder;\n");
        write("4_settings.up.sql", "ALTER SYSTEM SET work_mem = '1MB';\nSELECT pg_reload_conf();\n");
        write("4_settings.down.sql", "ALTER SYSTEM RESET work_mem;\n");
        write("5_hidden.up.sql", "DO $$\nBEGIN\n  EXECUTE 'CREATE ROLE hidden';\nEND\n$$;\n");
        write("5_hidden.down.sql", "SELECT 1;\n");
        write("6_program.up.sql", "COPY accounts TO PROGRAM 'touch " + marker + "';\n");
        write("6_program.down.sql", "SELECT 1;\n");
    }

    @Test
    void aHostileHistoryIsRefusedBeforeAnythingRunsAndChangesNothingOutside() throws SQLException {
        List<String> before = SecondServer.outsideState();

        VerifyResult result = new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(hostile)
                .withServer(new ServerOptions("17", SecondServer.url())));

        assertThat(SecondServer.outsideState()).containsExactlyElementsOf(before);
        assertThat(before).contains("database victim owner=postgres acl= connlimit=-1");
        assertThat(marker).doesNotExist();
        assertThat(SecondServer.scratchDatabases()).isEmpty();
        assertThat(result.passed()).isFalse();
        assertThat(result.runs()).extracting(MigrationRun::status).containsOnly(MigrationRun.Status.NOT_RUN);
        assertThat(result.findings()).extracting(Finding::ruleId).containsOnly(OutsideReach.RULE);
        assertThat(result.findings()).extracting(f -> f.location().file().getFileName().toString(), f -> f.location().line())
                .containsExactly(tuple("2_drop_victim.up.sql", 2), tuple("2_drop_victim.down.sql", 1),
                        tuple("3_roles.up.sql", 1), tuple("3_roles.up.sql", 2), tuple("3_roles.down.sql", 1),
                        tuple("4_settings.up.sql", 1), tuple("4_settings.up.sql", 2), tuple("4_settings.down.sql", 1),
                        tuple("5_hidden.up.sql", 1), tuple("6_program.up.sql", 1));
        assertThat(result.findings().get(2).message()).startsWith("CREATE ROLE reaches roles");
        assertThat(result.findings().get(2).hint()).contains("embedded server").contains("create the roles once");
    }

    @Test
    void theCommandLineSaysWhereAndWhatToDo() throws SQLException {
        List<String> before = SecondServer.outsideState();

        CommandRun run = CommandRun.of("verify", hostile.toString(), "--db-url", SecondServer.url());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains("2_drop_victim.up.sql:2:1: error: DROP DATABASE reaches other databases of the server")
                .contains("[apply.reaches-outside]").contains("Verify this history on the embedded server");
        assertThat(SecondServer.outsideState()).containsExactlyElementsOf(before);
    }

    @Test
    void observedLintRunsNothingOnTheServerEither() throws SQLException {
        List<String> before = SecondServer.outsideState();

        CommandRun run = CommandRun.of("lint", hostile.toString(), "--db-url", SecondServer.url());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains("nothing ran on the existing server").contains("[apply.reaches-outside]")
                .contains("[lint.copy-program]");
        assertThat(SecondServer.outsideState()).containsExactlyElementsOf(before);
        assertThat(marker).doesNotExist();
    }

    @Test
    void aSnapshotOfTheHistoryIsRefusedToo() throws SQLException {
        List<String> before = SecondServer.outsideState();

        CommandRun run = CommandRun.of("snapshot", hostile.toString(), "--db-url", SecondServer.url());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("2_drop_victim.up.sql:2:1").contains("DROP DATABASE");
        assertThat(SecondServer.outsideState()).containsExactlyElementsOf(before);
    }

    @Test
    void aHistoryThatStaysInsideRunsAsBefore() throws SQLException {
        List<String> before = SecondServer.outsideState();

        CommandRun run = CommandRun.of("verify", Examples.example("shop"), "--db-url", SecondServer.url());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(SecondServer.outsideState()).containsExactlyElementsOf(before);
        assertThat(SecondServer.scratchDatabases()).isEmpty();
    }

    private static void write(String name, String sql) throws IOException {
        Files.writeString(hostile.resolve(name), sql);
    }
}
