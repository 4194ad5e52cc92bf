package dev.schemagate.cli;

import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.postgres.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code schemagate drift}: several environments in one run, ignore rules, exit codes, no passwords. */
class DriftCommandTest {

    private static final String URL = Examples.sharedServerUrl();
    private static final String SCHEMA = "CREATE TABLE accounts (id int PRIMARY KEY, name text);";

    private static String url(ScratchDatabase database) {
        return database.jdbcUrl() + "?user=" + database.username();
    }

    @Test
    void eachEnvironmentIsComparedAndOnlyTheDriftedOneIsShown(@TempDir Path dir) throws IOException, SQLException {
        Path expected = Files.writeString(dir.resolve("schema.sql"), SCHEMA);
        try (ScratchDatabase staging = TestServer.shared().createDatabase(); ScratchDatabase prod = TestServer.shared().createDatabase();
             Connection s = staging.connect(); Connection p = prod.connect();
             Statement onStaging = s.createStatement(); Statement onProd = p.createStatement()) {
            onStaging.execute(SCHEMA + "COMMENT ON TABLE accounts IS 'ignored'; CREATE TABLE tmp_scratch (x int);");
            onProd.execute("CREATE TABLE accounts (id int PRIMARY KEY, name varchar(20), hotfix int);");
            Path config = Files.writeString(dir.resolve("schemagate.yml"), """
                    lint:
                      failOn: warning
                    environments:
                      staging:
                        url: %s
                        password: ${STAGING_PASSWORD}
                      prod:
                        url: %s
                        password: ${PROD_PASSWORD}
                    ignore:
                      names: ['public.tmp_*']
                      kinds: [owners, comments]
                    """.formatted(url(staging), url(prod)));

            CommandRun run = CommandRun.withEnvironment(Map.of("STAGING_PASSWORD", staging.password(), "PROD_PASSWORD", prod.password()),
                    "drift", "--expected", expected.toString(), "--config", config.toString(), "--db-url", URL);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
            assertThat(run.out()).contains("staging: no drift", "== prod: drifted", "~ table public.accounts",
                    "+ column hotfix", "column name › type: 'text' → 'character varying(20)'");
            assertThat(run.out() + run.err()).doesNotContain(staging.password());
        }
    }

    @Test
    void grantsOfAnEnvironmentAreComparedOnlyWithPrivileges(@TempDir Path dir) throws IOException {
        Path expected = Files.writeString(dir.resolve("schema.sql"), SCHEMA);
        Path granted = Files.writeString(dir.resolve("granted.sql"), SCHEMA + "GRANT SELECT ON accounts TO PUBLIC;");

        CommandRun plain = CommandRun.of("drift", "--expected", expected.toString(), "--actual", granted.toString(),
                "--db-url", URL);
        CommandRun strict = CommandRun.of("drift", "--expected", expected.toString(), "--actual", granted.toString(),
                "--privileges", "--db-url", URL);

        assertThat(plain.exitCode()).as(plain.toString()).isZero();
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(strict.out()).contains("SELECT to PUBLIC").doesNotContain("Grant[");
    }

    @Test
    void anEnvironmentThatCannotBeReadIsReportedWithoutItsPassword(@TempDir Path dir) throws IOException {
        Path expected = Files.writeString(dir.resolve("schema.sql"), SCHEMA);

        CommandRun run = CommandRun.of("drift", "--expected", expected.toString(), "--db-url", URL,
                "--actual", "jdbc:postgresql://127.0.0.1:1/nowhere?user=x&password=drift-s3cret");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INFRASTRUCTURE);
        assertThat(run.err()).contains("could not be read").doesNotContain("drift-s3cret");
    }

    @Test
    void noEnvironmentAtAllIsAnInputError(@TempDir Path dir) throws IOException {
        Path expected = Files.writeString(dir.resolve("schema.sql"), SCHEMA);

        CommandRun run = CommandRun.of("drift", "--expected", expected.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("no environment to compare");
    }

    @Test
    void theConfigIsTheExpectedFoldersByDefaultAndAMissingOneIsRefusedAsByEveryCommand(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(folder.resolve("V1__accounts.sql"), SCHEMA);
        Files.writeString(folder.resolve("schemagate.yml"), "ignore:\n  names: ['public.tmp_*']\n");
        Path actual = Files.writeString(dir.resolve("actual.sql"), SCHEMA + "CREATE TABLE tmp_scratch (x int);");

        CommandRun run = CommandRun.of("drift", "--expected", folder.toString(), "--actual", actual.toString(), "--db-url", URL);
        assertThat(run.exitCode()).as("the folder's ignore: rule applies: " + run).isZero();

        CommandRun missing = CommandRun.of("drift", "--expected", folder.toString(), "--actual", actual.toString(),
                "--config", dir.resolve("none.yml").toString());
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCode.INPUT);
        assertThat(missing.err()).contains("none.yml: no such config file (--config)");
    }
}
