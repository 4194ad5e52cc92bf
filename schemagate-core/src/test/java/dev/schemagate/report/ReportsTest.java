package dev.schemagate.report;

import dev.schemagate.check.Severity;
import dev.schemagate.engine.VerifyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ReportsTest {

    private static final ReportPaths PATHS = ReportPaths.workingDirectory();
    private static final VerifyResult FAILING = Results.failing(
            Results.finding("apply.statement-failed", Severity.ERROR, "2_create_b.up.sql", 4, "syntax error at or near \"x\"",
                    "  3 | CREATE TABLE b (", "> 4 |   x x", "    |   ^"),
            Results.finding("lint.add-column-default", Severity.WARNING, "2_create_b.up.sql", 7, "rewrites the table"));

    @Test
    void onGithubActionsAnnotationsArePrintedAndTheSummaryAppended(@TempDir Path dir) throws IOException {
        Path summary = dir.resolve("step-summary.md");
        Files.writeString(summary, "earlier step\n");
        Reports reports = new Reports(Set.of(ReportFormat.CONSOLE), dir.resolve("out"),
                Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()), PATHS);
        StringWriter out = new StringWriter();

        reports.progress(new PrintWriter(out), new Ansi(false));
        List<Path> written = reports.write(FAILING, new PrintWriter(out));

        assertThat(written).isEmpty();
        assertThat(out.toString()).contains(
                "::error file=migrations/2_create_b.up.sql,line=4,col=3,title=apply.statement-failed::syntax error at or near \"x\"%0AFix it.",
                "::warning file=migrations/2_create_b.up.sql,line=7,col=3,title=lint.add-column-default::rewrites the table")
                .contains("FAILED 1 of 2 migrations applied, 1 error, 1 warning");
        assertThat(Files.readString(summary)).startsWith("earlier step\n## Schemagate: ❌ failed")
                .contains("| apply | ❌ failed | 1 | 0 |", "| lint | ✅ passed | 0 | 1 |", "<details><summary>Evidence</summary>");
    }

    @Test
    void withoutGithubNothingIsAnnotatedAndEachFileFormatWritesItsFile(@TempDir Path dir) {
        Reports reports = new Reports(ReportFormat.parse(List.of("json,junit", "sarif,markdown,html")), dir,
                Map.of("GITHUB_STEP_SUMMARY", dir.resolve("s.md").toString()), PATHS);
        StringWriter out = new StringWriter();

        List<Path> written = reports.write(FAILING, new PrintWriter(out));

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("report.json", "junit.xml", "report.sarif", "summary.md", "report.html");
        assertThat(written).allMatch(Files::isRegularFile);
        assertThat(out.toString()).doesNotContain("::")
                .startsWith("FAILED 1 of 2 migrations applied, 1 error, 1 warning (0.90 s)\nReports: ");
        assertThat(dir.resolve("s.md")).doesNotExist();
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> ReportFormat.parse(List.of("json,pdf")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown report format 'pdf'; use one or more of console, json, junit, sarif, github, markdown, html");
    }

    @Test
    void annotationTextIsEscapedByGithubsRules() {
        assertThat(GithubAnnotations.data("100% done\r\nnext")).isEqualTo("100%25 done%0Anext");
        assertThat(GithubAnnotations.data("over\rwritten")).isEqualTo("over\\x0dwritten");
        assertThat(GithubAnnotations.property("a:b,c%\n")).isEqualTo("a%3Ab%2Cc%25%0A");
    }

    @Test
    void checksAreNamedByRuleIdPrefixWithApplyAlwaysFirst() {
        List<CheckOutcome> checks = CheckOutcome.of(FAILING);

        assertThat(checks).extracting(CheckOutcome::name, CheckOutcome::passed)
                .containsExactly(tuple("apply", false), tuple("lint", true));
    }

    @Test
    void junitShowsEachFindingOnceOnItsMigrationWithFileAndLine() {
        String xml = new JunitReport(PATHS).render(FAILING);

        assertThat(xml).contains("<testcase classname=\"schemagate.migrations\" name=\"2 create_b (failed)\" time=\"0.030\""
                        + " file=\"migrations/2_create_b.up.sql\" line=\"4\">\n"
                        + "      <failure type=\"apply.statement-failed\" message=\"migrations/2_create_b.up.sql:4:3: syntax error")
                .contains("<testcase classname=\"schemagate.checks\" name=\"apply\" time=\"0.000\">\n"
                        + "      <failure type=\"apply\" message=\"apply failed for 1 migration; see their test cases in schemagate.migrations\">"
                        + "2 create_b</failure>")
                .contains("<testsuite name=\"schemagate.migrations\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"0.042\">")
                .contains("failures=\"2\"");
        assertThat(xml.split("syntax error at or near", -1)).hasSize(3);
        assertThat(xml.split("rewrites the table", -1)).hasSize(2);
    }

    @Test
    void markdownEscapesMarkupAndFencesOutLongerBacktickRuns() {
        assertThat(MarkdownSummary.escape("<img src=x> | *a*")).isEqualTo("&lt;img src=x&gt; \\| \\*a\\*");
        assertThat(MarkdownSummary.fenceFor("a ```` b")).isEqualTo("`````");
    }

    @Test
    void diffEvidenceIsShownSideBySide() {
        VerifyResult drift = Results.failing(Results.finding("drift.column-changed", Severity.ERROR, "2_create_b.up.sql", 1,
                "column differs", " table b", "-  x int", "+  x bigint", "+  y text"));

        String html = new HtmlReport(PATHS).render(drift);

        assertThat(html).contains("<tr><td class=\"del\">  x int</td><td class=\"add\">  x bigint</td></tr>")
                .contains("<tr><td></td><td class=\"add\">  y text</td></tr>")
                .contains("<tr><td> table b</td><td> table b</td></tr>");
    }

    @Test
    void sarifUsesRelativeUrisAndLinksEachRuleToItsPage() {
        String sarif = new SarifReport(PATHS).render(FAILING);

        assertThat(sarif).contains("\"uri\" : \"migrations/2_create_b.up.sql\"", "\"uriBaseId\" : \"%SRCROOT%\"",
                "\"helpUri\" : \"" + RuleDocs.BASE + "lint.add-column-default.md\"", "\"level\" : \"warning\"");
        assertThat(SarifReport.uri("my dir/a#1.sql")).isEqualTo("my%20dir/a%231.sql");
    }

    @Test
    void theConsoleIsPlainWhenNotATerminal() {
        StringWriter out = new StringWriter();
        ConsoleReport console = new ConsoleReport(new PrintWriter(out), new Ansi(false), Path.of(""));

        console.migrationStarted(FAILING.runs().get(0).migration(), 0, 2);
        console.migrationFinished(FAILING.runs().get(0), 0, 2);
        console.summary(FAILING);

        assertThat(out.toString()).doesNotContain("\u001b").doesNotContain("\r").contains("  ✓ 1 create_a");
    }

    @Test
    void secondsAreRoundedHalfUpToHundredthsAsPercentTwoFWouldRoundThem() {
        for (long millis = 0; millis <= 200_000; millis += millis < 2_000 ? 1 : 997) {
            assertThat(ConsoleReport.seconds(java.time.Duration.ofMillis(millis)))
                    .as("%d ms", millis)
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.2f s", millis / 1000.0));
        }
    }
}
