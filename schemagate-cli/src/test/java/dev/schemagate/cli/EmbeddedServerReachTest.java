package dev.schemagate.cli;

import dev.schemagate.check.Finding;
import dev.schemagate.check.OutsideReach;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the embedded server, private to the run, statements that reach outside the database run; one
 * that takes away what the run needs stops it with a finding at its file and line, not exit code 4.
 */
class EmbeddedServerReachTest {

    @TempDir
    Path dir;

    @Test
    void rolesAndServerSettingsRunOnThePrivateServer() throws IOException {
        write("1_roles.up.sql", "CREATE ROLE app_reader NOLOGIN;\nCREATE TABLE accounts (id int);\n"
                + "GRANT SELECT ON accounts TO app_reader;\n");
        write("1_roles.down.sql", "DROP TABLE accounts;\nDROP ROLE app_reader;\n");
        write("2_settings.up.sql", "ALTER SYSTEM SET work_mem = '8MB';\n");
        write("2_settings.down.sql", "ALTER SYSTEM RESET work_mem;\n");

        VerifyResult result = verify("apply");

        assertThat(result.findings()).isEmpty();
        assertThat(result.runs()).extracting(MigrationRun::status).containsOnly(MigrationRun.Status.APPLIED);
    }

    @Test
    void droppingTheServersOwnDatabaseIsAFindingAtItsLine() throws IOException {
        write("1_accounts.up.sql", "CREATE TABLE accounts (id int);\n");
        write("1_accounts.down.sql", "DROP TABLE accounts;\n");
        write("2_drop_postgres.up.sql", "-- the maintenance database\nDROP DATABASE postgres;\n");
        write("2_drop_postgres.down.sql", "CREATE DATABASE postgres;\n");

        CommandRun run = CommandRun.of("verify", dir.toString(), "--checks", "apply,reversibility");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains("2_drop_postgres.up.sql:2:");
    }

    @Test
    void aStatementThatCutsTheRunsConnectionsIsNamed() throws IOException {
        write("1_accounts.up.sql", "CREATE TABLE accounts (id int);\n");
        write("1_accounts.down.sql", "DROP TABLE accounts;\n");
        write("2_kick.up.sql", "SELECT 1;\nSELECT pg_terminate_backend(pid) FROM pg_stat_activity\n"
                + "  WHERE pid <> pg_backend_pid() AND backend_type = 'client backend';\n");
        write("2_kick.down.sql", "SELECT 1;\n");
        write("3_after.up.sql", "CREATE TABLE after (id int);\n");

        VerifyResult result = verify("apply,reversibility,data");

        Finding finding = result.findings().stream().filter(f -> f.ruleId().equals(OutsideReach.RULE)).findFirst().orElseThrow();
        assertThat(finding.location().file().getFileName()).hasToString("2_kick.up.sql");
        assertThat(finding.location().line()).isEqualTo(2);
        assertThat(finding.message()).startsWith("pg_terminate_backend() changes the server itself");
        assertThat(result.runs()).extracting(MigrationRun::status)
                .containsExactly(MigrationRun.Status.APPLIED, MigrationRun.Status.FAILED, MigrationRun.Status.NOT_RUN);
    }

    private VerifyResult verify(String checks) {
        return new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(dir).withChecks(
                java.util.Arrays.stream(checks.split(",")).map(dev.schemagate.engine.CheckName::fromId)
                        .collect(java.util.stream.Collectors.toSet())));
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql);
    }
}
