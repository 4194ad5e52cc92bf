package dev.schemagate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyCommandTest {

    private static final String URL = Examples.sharedServerUrl();

    @Test
    void theShopExamplePassesWithOneLinePerMigration() {
        CommandRun run = CommandRun.of("verify", Examples.example("shop"), "--db-url", URL);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("golang-migrate layout, 12 migrations")
                .contains("✓ 0001 create_customers")
                .contains("✓ 0012 audit_log")
                .contains("PASSED 12 of 12 migrations applied, 0 errors");
        assertThat(run.out().lines().filter(l -> l.contains("✓"))).hasSize(12);
        assertThat(run.out()).containsPattern("0008 index_orders_by_status .*no transaction: line 3 cannot run inside a transaction");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "syntax-error   | 0002_create_products.up.sql:5:5   | syntax error at or near \"name\" (SQLSTATE 42601)",
            "missing-table  | 0002_create_orders.up.sql:3:45    | relation \"customer\" does not exist (SQLSTATE 42P01)",
            "failed-backfill| 0002_add_display_name.up.sql:4:36| column \"display_name\" of relation \"customers\" contains null values (SQLSTATE 23502)",
            "meta-command   | 0001_create_customers.up.sql:1:1 | psql meta-command '\\connect shop' is not SQL",
    })
    void aBrokenExampleFailsNamingTheFileLineAndServerMessage(String example, String location, String message) {
        CommandRun run = CommandRun.of("verify", Examples.example("broken/" + example.strip()), "--db-url", URL);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains(location.strip() + ": error: " + message.strip()).contains("FAILED");
        assertThat(run.out()).contains("✗");
    }

    @Test
    void aFailureShowsTheLinesAroundItWithACaret() {
        CommandRun run = CommandRun.of("verify", Examples.example("broken/syntax-error"), "--db-url", URL);

        assertThat(run.out()).contains(
                "    > 5 |     name   text NOT NULL\n"
                        + "        |     ^");
    }

    @Test
    void migrationsAfterTheFailureAreReportedAsNotRun(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("1_a.up.sql"), "CREATE TABLE a (id int);");
        Files.writeString(dir.resolve("2_b.up.sql"), "CREATE TABLE a (id int);");
        Files.writeString(dir.resolve("3_c.up.sql"), "CREATE TABLE c (id int);");

        CommandRun run = CommandRun.of("verify", dir.toString(), "--db-url", URL, "--checks", "apply");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains("2_b.up.sql:1:14: error: relation \"a\" already exists")
                .contains("1 of 3 migrations applied, 1 not run, 1 error");
    }

    @Test
    void theErrorPointsIntoTheStatementThatFailed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("1_a.up.sql"), "CREATE TABLE a (id int);\nCREATE TABLE a (id int);");

        CommandRun run = CommandRun.of("verify", dir.toString(), "--db-url", URL);

        assertThat(run.out()).contains("1_a.up.sql:2:14: error: relation \"a\" already exists");
    }

    @Test
    void aPasswordInTheUrlIsNeverPrinted() {
        String password = URL.substring(URL.indexOf("password=") + "password=".length());
        CommandRun run = CommandRun.of("verify", Examples.example("shop"), "--db-url", URL);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out() + run.err()).doesNotContain(password);
    }
}
