package dev.schemagate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.report.ToolVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands agree: the same finding line, the same report options and formats, the same
 * defaults and ranges, and messages that name what is allowed.
 */
class CommandAgreementTest {

    /** {@code path:line:col: severity: message [rule]}, as gcc and clang print it. */
    private static final Pattern FINDING_LINE = Pattern.compile("(?m)^\\S+\\.sql:\\d+:\\d+: (error|warning|info): .+ \\[[a-z]+\\.[a-z-]+]$");

    @TempDir
    Path dir;

    @Test
    void verifyAndLintPrintFindingsInTheSameCompilerStyleLine() throws IOException {
        Path migrations = dropColumn();
        CommandRun lint = CommandRun.of("lint", "--static", migrations.toString());
        CommandRun verify = CommandRun.of("verify", Examples.example("broken/syntax-error"), "--db-url", Examples.sharedServerUrl(),
                "--checks", "apply");

        assertThat(lint.out()).containsPattern(FINDING_LINE)
                .contains(migrations.resolve("0002_drop_note.sql") + ":2:1: error: drops column orders.note and its values [lint.drop-column]");
        assertThat(verify.out()).containsPattern(FINDING_LINE)
                .contains("0002_create_products.up.sql:5:5: error: syntax error at or near \"name\" (SQLSTATE 42601) [apply.statement-failed]");
    }

    @Test
    void lintWritesTheSameReportFilesAndAnnotationsAsVerify() throws IOException {
        Path migrations = dropColumn();
        Path out = dir.resolve("reports");

        CommandRun run = CommandRun.of("lint", "--static", migrations.toString(), "--format", "json,sarif,junit,github,html,markdown",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains("::error file=").contains("title=lint.drop-column::drops column orders.note")
                .contains("FAILED 2 migrations linted, 1 error, 0 warnings (");
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/findings/0/ruleId").asText()).isEqualTo("lint.drop-column");
        assertThat(report.at("/checks/0/name").asText()).isEqualTo("lint");
        assertThat(new ObjectMapper().readTree(out.resolve("report.sarif").toFile()).at("/runs/0/results/0/ruleId").asText())
                .isEqualTo("lint.drop-column");
        assertThat(out.resolve("junit.xml")).content().contains("failures=\"1\"");
        assertThat(out.resolve("report.html")).content().contains("lint.drop-column");
    }

    @Test
    void withoutTheConsoleFormatVerifyStillPrintsTheVerdict() {
        CommandRun run = CommandRun.of("verify", Examples.example("broken/syntax-error"), "--db-url", Examples.sharedServerUrl(),
                "--checks", "apply", "--format", "json,sarif", "--out", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).startsWith("FAILED 1 of 2 migrations applied, 1 error, 0 warnings (")
                .contains("Reports: ").contains("report.json").contains("report.sarif");
    }

    @Test
    void failOnAndConfigWorkForVerifyAsForLint() throws IOException {
        Path config = Files.writeString(dir.resolve("strict.yml"), "lint:\n  failOn: warning\n");
        CommandRun configured = CommandRun.of("verify", Examples.example("shop"), "--db-url", Examples.sharedServerUrl(),
                "--checks", "apply", "--config", config.toString(), "--format", "json", "--out", dir.toString());
        assertThat(configured.exitCode()).as(configured.toString()).isEqualTo(ExitCode.OK);
        assertThat(new ObjectMapper().readTree(dir.resolve("report.json").toFile()).at("/failOn").asText()).isEqualTo("warning");

        CommandRun flag = CommandRun.of("verify", Examples.example("shop"), "--db-url", Examples.sharedServerUrl(),
                "--checks", "apply", "--fail-on", "info", "--format", "json", "--out", dir.toString());
        assertThat(new ObjectMapper().readTree(dir.resolve("report.json").toFile()).at("/failOn").asText()).as(flag.toString())
                .isEqualTo("info");
    }

    @Test
    void rowsHasOneDefaultInEveryCommand() {
        String verify = CommandRun.of("verify", "--help").out().replaceAll("\\s+", " ");
        String lint = CommandRun.of("lint", "--help").out().replaceAll("\\s+", " ");

        assertThat(verify).containsPattern("--rows=N Synthetic rows [^-]*at least 1 \\(default: 20\\)");
        assertThat(lint).containsPattern("--rows=N Synthetic rows [^-]*at least 1 \\(default: 20\\)");
    }

    @Test
    void rowsHasOneRangeInEveryCommand() {
        CommandRun verify = CommandRun.of("verify", Examples.example("shop"), "--rows", "0");
        CommandRun lint = CommandRun.of("lint", Examples.example("shop"), "--rows", "0");

        assertThat(verify.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(lint.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(verify.err()).isEqualTo(lint.err()).isEqualTo("schemagate: --rows must be at least 1, not 0\n");
    }

    @Test
    void badValuesNameTheAllowedOnes() {
        CommandRun severity = CommandRun.of("lint", "--fail-on", "loud", ".");
        CommandRun layout = CommandRun.of("verify", dir.toString(), "--layout", "rails");

        assertThat(severity.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(severity.err()).contains("'loud' is not a severity; use error, warning or info").doesNotContain("No enum constant");
        assertThat(layout.err()).contains("unknown layout 'rails'; use one of auto, plain, golang-migrate, flyway");
    }

    @Test
    void anUnknownSubcommandSuggestsTheClosest() {
        CommandRun run = CommandRun.of("verfy");

        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("'verfy'").contains("Did you mean: verify").contains("Run 'schemagate --help' for usage.");
    }

    @Test
    void versionIsTheBuildsVersionInEverySubcommand() {
        CommandRun run = CommandRun.of("--version");
        Set<String> subcommands = SchemagateCommand.commandLine(Map.of()).getSubcommands().keySet();

        assertThat(run.out()).startsWith("schemagate " + ToolVersion.get() + "\n")
                .containsPattern("^schemagate \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n").doesNotContain("development");
        assertThat(subcommands).contains("verify", "lint", "snapshot", "diff", "drift", "hash");
        for (String subcommand : subcommands) {
            CommandRun sub = CommandRun.of(subcommand, "--version");
            assertThat(sub.exitCode()).as(subcommand).isEqualTo(ExitCode.OK);
            assertThat(sub.out()).as(subcommand + " --version").isEqualTo(run.out());
        }
    }

    @Test
    void aVersionAfterTheAtThatDoesNotExistListsTheVersions() {
        CommandRun run = CommandRun.of("snapshot", Examples.example("shop") + "@0099", "--db-url", Examples.sharedServerUrl());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("no migration has version '0099'; the 12 versions are 0001, 0002, 0003, 0004, 0005, …, "
                + "0008, 0009, 0010, 0011, 0012");
    }

    @Test
    void aVersionIsAcceptedAsTheLayoutWritesIt() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("diesel"));
        Files.createDirectories(migrations.resolve("2019-11-11-162609_create_a"));
        Files.writeString(migrations.resolve("2019-11-11-162609_create_a/up.sql"), "CREATE TABLE a (id int);\n");
        Files.writeString(migrations.resolve("2019-11-11-162609_create_a/down.sql"), "DROP TABLE a;\n");
        Files.createDirectories(migrations.resolve("2019-11-12-000000_create_b"));
        Files.writeString(migrations.resolve("2019-11-12-000000_create_b/up.sql"), "CREATE TABLE b (id int);\n");
        Files.writeString(migrations.resolve("2019-11-12-000000_create_b/down.sql"), "DROP TABLE b;\n");

        CommandRun run = CommandRun.of("snapshot", migrations + "@2019-11-11-162609", "--db-url", Examples.sharedServerUrl());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("CREATE TABLE public.a").doesNotContain("CREATE TABLE public.b");
    }

    private Path dropColumn() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("0001_orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, note text);\n");
        Files.writeString(migrations.resolve("0002_drop_note.sql"), "SET lock_timeout = '2s';\nALTER TABLE orders DROP COLUMN note;\n");
        return migrations;
    }
}
