package dev.schemagate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.Version;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.Mutant;
import dev.schemagate.mutation.MutantResult;
import dev.schemagate.mutation.MutationOperator;
import dev.schemagate.mutation.MutationOperators;
import dev.schemagate.mutation.MutationResult;
import dev.schemagate.mutation.Verdict;
import dev.schemagate.mutation.operator.DropDownStatement;
import dev.schemagate.mutation.operator.DropNotNull;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The mutation reports render the result's scores, verdicts and survivors, and escape what comes from files. */
class MutationReportsTest {

    private static final Path DIR = Path.of("migrations").toAbsolutePath();
    private static final ReportPaths PATHS = new ReportPaths(Path.of("").toAbsolutePath());

    private final MutationResult result = result();

    @Test
    void jsonHasTheScoresAndEveryMutant() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new MutationJson(PATHS).render(result));

        assertThat(json.at("/score/killRate").asDouble()).isEqualTo(50.0);
        assertThat(json.at("/score/equivalent").asInt()).isEqualTo(1);
        assertThat(json.at("/byCategory/schema/survived").asInt()).isEqualTo(1);
        assertThat(json.at("/byCategory/rollback/killed").asInt()).isEqualTo(1);
        assertThat(json.at("/bySeverity/error/killRate").asDouble()).isEqualTo(50.0);
        assertThat(json.at("/passed").asBoolean()).isFalse();
        assertThat(json.at("/mutants/1/verdict").asText()).isEqualTo("survived");
        assertThat(json.at("/mutants/1/line").asInt()).isEqualTo(2);
        assertThat(json.at("/mutants/0/caughtBy/0/ruleId").asText()).isEqualTo("reversibility.schema-not-restored");
        assertThat(json.at("/operators").size()).isEqualTo(MutationOperators.core().size());
    }

    @Test
    void junitFailsTheSurvivorAndSkipsTheEquivalentMutant() {
        String xml = new MutationJunit(PATHS).render(result);

        assertThat(xml).contains("<testsuite name=\"mutation.schema\" tests=\"2\" failures=\"1\" skipped=\"1\">")
                .contains("<failure type=\"schema.drop-not-null\" message=\"migrations/1_t.up.sql:2: mutant survived: NOT NULL dropped from &lt;b&gt;\">")
                .contains("<skipped message=\"equivalent: leaves the same schema and rows as the original\"");
    }

    @Test
    void htmlShowsTheKillRateAndTheSurvivorsDiffEscaped() {
        String html = new MutationHtml(PATHS).render(result);

        assertThat(html).contains("<h1>Kill rate 50.0%</h1>").contains("header class=\"failed\"")
                .contains("NOT NULL dropped from &lt;b&gt;").doesNotContain("<b>x")
                .contains("would be caught by: drift: an --expected schema file");
    }

    @Test
    void aRunWithNoMutantsSaysSoInsteadOfAKillRate() {
        MutationResult none = new MutationResult(result.migrations(), List.of(), 0, MutationOperators.core(), "embedded PostgreSQL 17",
                "CREATE DATABASE … TEMPLATE", 0, Duration.ofSeconds(1));
        StringWriter text = new StringWriter();
        new MutationConsole(new PrintWriter(text), PATHS).summary(none);

        assertThat(text.toString()).contains("No mutants made: no migration outside the history (--since, --baseline)")
                .doesNotContain("Kill rate");
    }

    private static MutationResult result() {
        Path up = DIR.resolve("1_t.up.sql");
        Script script = Script.of(up, "CREATE TABLE t (\n  \"<b>x\" int\n);");
        Migration migration = new Migration(Version.parse("1"), "t", script, Optional.of(Script.of(DIR.resolve("1_t.down.sql"), "DROP TABLE t;")));
        MigrationSet set = new MigrationSet(DIR, Layout.AUTO, List.of(migration));
        Finding finding = new Finding("reversibility.schema-not-restored", Severity.ERROR, new Location(DIR.resolve("1_t.down.sql"), 1, 1),
                "down left table t", "", List.of());
        MutantResult killed = new MutantResult(mutant("M0001", new DropDownStatement(), Direction.DOWN, 1), Verdict.KILLED, List.of(finding), "",
                Duration.ofMillis(5));
        MutantResult survived = new MutantResult(mutant("M0002", new DropNotNull(), Direction.UP, 2), Verdict.SURVIVED, List.of(), "",
                Duration.ofMillis(5));
        MutantResult equivalent = new MutantResult(mutant("M0003", new DropNotNull(), Direction.UP, 2), Verdict.EQUIVALENT, List.of(),
                "leaves the same schema and rows as the original", Duration.ofMillis(5));
        return new MutationResult(set, List.of(killed, survived, equivalent), 3, MutationOperators.core(), "embedded PostgreSQL 17",
                "CREATE DATABASE … TEMPLATE", 80, Duration.ofSeconds(1));
    }

    private static Mutant mutant(String id, MutationOperator operator, Direction direction, int line) {
        Path file = DIR.resolve(direction == Direction.UP ? "1_t.up.sql" : "1_t.down.sql");
        return new Mutant(id, operator, 0, direction, file, line, direction == Direction.UP ? "NOT NULL dropped from <b>" : "down statement left out",
                "--- a/x\n+++ b/x\n@@ -1,1 +1,1 @@\n-<b>x int NOT NULL\n+<b>x int\n", Script.of(file, ""), "");
    }
}
