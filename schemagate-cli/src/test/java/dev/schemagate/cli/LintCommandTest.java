package dev.schemagate.cli;

import dev.schemagate.report.OutputFolderLock;
import dev.schemagate.report.ReportFormat;
import dev.schemagate.report.ReportPaths;
import dev.schemagate.report.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code schemagate lint}: exact output lines and exit codes, static and observed. */
class LintCommandTest {

    @TempDir
    Path dir;

    @Test
    void staticLintReportsFileLineRuleAndHintAndExitsOneOnErrors() throws IOException {
        write("0001_orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, note text);\n");
        write("0002_drop_note.sql", "SET lock_timeout = '2s';\nALTER TABLE orders DROP COLUMN note;\n");
        CommandRun run = CommandRun.of("lint", "--static", dir.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains(dir.resolve("0002_drop_note.sql") + ":2:1: error: drops column orders.note and its values [lint.drop-column]")
                .contains("    hint: Stop reading and writing the column in a release first")
                .contains("FAILED 2 migrations linted, 1 error, 0 warnings (");
    }

    @Test
    void sqliteIsLintedByItsOwnRulesOnTheTextWithoutStatic() throws IOException {
        write("1_t.up.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY);\n");
        write("2_c.up.sql", "ALTER TABLE t ADD COLUMN c TEXT NOT NULL;\n");
        CommandRun run = CommandRun.of("lint", "--dialect", "sqlite", dir.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains("on the SQL text only (sqlite's rules read the text)")
                .contains(dir.resolve("2_c.up.sql") + ":1:1: error: adds NOT NULL column c without a default")
                .contains("[lint.sqlite-alter-table-unsupported]");
    }

    @Test
    void aReportFolderAnotherRunHoldsIsRefused() throws IOException {
        write("0001_orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
        Path out = dir.resolve("reports");
        Reports other = new Reports(ReportFormat.parse(List.of("json")), out, Map.of(), ReportPaths.workingDirectory());
        try (OutputFolderLock held = other.holdOutputFolder()) {
            CommandRun run = CommandRun.of("lint", "--static", "--format", "json", "--out", out.toString(), dir.toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INPUT);
            assertThat(out.resolve("report.json")).doesNotExist();
        }
    }

    @Test
    void warningsAloneDoNotFailUnlessFailOnSaysSo() throws IOException {
        write("0001_orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
        write("0002_add.sql", "ALTER TABLE orders ADD COLUMN note text;\n");
        assertThat(CommandRun.of("lint", "--static", dir.toString()).exitCode()).isEqualTo(ExitCode.OK);
        assertThat(CommandRun.of("lint", "--static", "--fail-on", "warning", dir.toString()).exitCode()).isEqualTo(ExitCode.FINDINGS);
    }

    @Test
    void observedLintCarriesEvidenceFromTheDatabase() throws IOException {
        write("0001_orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, total integer);\n");
        write("0002_widen.sql", "ALTER TABLE orders ALTER COLUMN total TYPE bigint;\n");
        CommandRun run = CommandRun.of("lint", "--rows", "500", "--db-url", Examples.sharedServerUrl(), dir.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains("[lint.change-column-type]").containsPattern("observed: rewrote orders — 500 rows, \\d+ ms — under ACCESS EXCLUSIVE");
    }

    @Test
    void aBadConfigIsAnInputError() throws IOException {
        write("0001_orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
        Path config = Files.writeString(dir.resolveSibling(dir.getFileName() + ".yml"), "lint:\n  failOn: loud\n");
        CommandRun run = CommandRun.of("lint", "--static", "--config", config.toString(), dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("lint.failOn is 'loud'; use error, warning, info, on or off");
    }

    @Test
    void theLayoutFixturesReportTheirConventions() {
        CommandRun run = CommandRun.of("lint", "--static", "--config", Examples.example("lint/conventions.yml"),
                Examples.example("lint/conventions"));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains("[lint.file-name]", "[lint.version-gap]", "[lint.missing-down]");
        CommandRun layout = CommandRun.of("lint", "--static", Examples.example("lint/layout"));
        assertThat(layout.out()).contains("[lint.space-in-name]", "[lint.version-order]");
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql);
    }
}
