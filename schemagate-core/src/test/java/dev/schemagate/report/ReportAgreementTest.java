package dev.schemagate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.VerifyResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every report gives a migration the same status, and the long-history forms stay usable. */
class ReportAgreementTest {

    private static final ReportPaths PATHS = ReportPaths.workingDirectory();

    /** The second migration applied, but its rollback lost rows. */
    private static VerifyResult rollbackFailed() {
        return secondApplied(Results.failing(Results.finding("data.down-lost-rows", Severity.ERROR, "2_create_b.up.sql", 0,
                "rolling back 2 create_b does not restore the values of 20 rows")), MigrationRun.Reversal.FAILED);
    }

    /** The result with its second migration applied and its rollback as {@code reversal} says. */
    private static VerifyResult secondApplied(VerifyResult failing, MigrationRun.Reversal reversal) {
        List<MigrationRun> runs = new ArrayList<>(failing.runs());
        MigrationRun second = runs.get(1);
        runs.set(1, new MigrationRun(second.migration(), MigrationRun.Status.APPLIED, second.duration(), 1, "",
                reversal, Duration.ofMillis(5), false));
        return new VerifyResult(failing.migrations(), runs, failing.findings(), failing.server(), failing.failOn(),
                failing.duration(), failing.checks(), failing.cut());
    }

    @Test
    void aFailedRollbackIsTheSameStatusInEveryReport() throws IOException {
        VerifyResult result = rollbackFailed();

        JsonNode json = new ObjectMapper().readTree(new JsonReport(PATHS).render(result));
        assertThat(json.at("/migrations/1/status").asText()).isEqualTo("rollbackFailed");
        assertThat(json.at("/summary/rollbackFailed").asInt()).isEqualTo(1);
        assertThat(new HtmlReport(PATHS).render(result)).contains("<td class=\"status rollbackFailed\">rollback failed</td>");
        assertThat(new MarkdownSummary(PATHS).render(result)).contains("| 2 create\\_b | ❌ rollback failed |");
        assertThat(new JunitReport(PATHS).render(result)).contains("name=\"2 create_b (rollback failed)\"");
        assertThat(ConsoleReport.verdict(result, Ansi.PLAIN)).startsWith("FAILED 2 of 2 migrations applied, 1 rollback failed, 1 error");
    }

    @Test
    void aRollbackThatFailsOnlyWithSampleRowsSaysSoInEveryReport() throws IOException {
        VerifyResult result = secondApplied(Results.failing(Results.finding("reversibility.down-failed", Severity.WARNING,
                "2_create_b.up.sql", 0, "down script fails when the tables hold the sample rows: could not create unique index")),
                MigrationRun.Reversal.FAILS_ON_SAMPLE_ROWS);

        assertThat(result.runs().get(1).outcome().ok()).isTrue();
        JsonNode json = new ObjectMapper().readTree(new JsonReport(PATHS).render(result));
        assertThat(json.at("/migrations/1/status").asText()).isEqualTo("rollbackFailsOnSampleRows");
        assertThat(json.at("/summary/rollbackFailsOnSampleRows").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/rollbackFailed").asInt()).isZero();
        String label = "applied, rollback fails only with sample rows";
        assertThat(new HtmlReport(PATHS).render(result)).contains("<td class=\"status rollbackFailsOnSampleRows\">" + label + "</td>");
        assertThat(new MarkdownSummary(PATHS).render(result)).contains("| 2 create\\_b | ⚠️ " + label + " |");
        assertThat(new JunitReport(PATHS).render(result)).contains("name=\"2 create_b (" + label + ")\"");
        assertThat(ConsoleReport.verdict(result, Ansi.PLAIN)).doesNotContain("rollback failed");
    }

    @Test
    void theHtmlShowsAMatrixWithFiltersAndAnchors() {
        String html = new HtmlReport(PATHS).render(rollbackFailed());

        assertThat(html).contains("<tr id=\"m-2\" data-m=\"2 create_b\" data-checks=\"data\" data-sev=\"error\" data-problem=\"1\">")
                .contains("<a class=\"count error\" href=\"#findings-m-2\" title=\"data.down-lost-rows\">1</a>")
                .contains("<div class=\"group\" id=\"findings-m-2\"")
                .contains("<article id=\"finding-1\" data-check=\"data\" data-severity=\"error\">")
                .contains("<select id=\"f-check\">", "<select id=\"f-severity\">", "<input id=\"f-migration\"");
    }

    @Test
    void theMarkdownSummaryStopsAtItsBudgetAndSaysWhatItLeftOut() {
        List<Finding> many = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            many.add(Results.finding("lint.drop-column", Severity.ERROR, "2_create_b.up.sql", i, "drops column b.c" + i,
                    "x".repeat(200)));
        }
        VerifyResult result = Results.failing(many.toArray(Finding[]::new));

        String summary = new MarkdownSummary(PATHS, 20_000).render(result);
        String full = new MarkdownSummary(PATHS).render(result);

        assertThat(summary.length()).isLessThan(21_000);
        assertThat(summary).containsPattern("\\*\\*\\d+ more findings not shown\\*\\*").contains("report.html");
        assertThat(full.length()).isLessThanOrEqualTo(65_536);
    }

    @Test
    void sarifRulesHaveANameAFullDescriptionAndTheToolAVersion() throws IOException {
        JsonNode sarif = new ObjectMapper().readTree(new SarifReport(PATHS).render(rollbackFailed()));

        assertThat(sarif.at("/runs/0/tool/driver/version").asText()).isEqualTo(ToolVersion.get()).isNotBlank();
        JsonNode rule = sarif.at("/runs/0/tool/driver/rules/0");
        assertThat(rule.at("/name").asText()).isEqualTo("DataDownLostRows");
        assertThat(rule.at("/fullDescription/text").asText()).startsWith("After up then down, a table that exists again").doesNotContain("\n");
    }
}
