package dev.schemagate.postgres.data;

import dev.schemagate.lint.RuleDocs;
import dev.schemagate.check.CascadeReach;
import dev.schemagate.check.ProbeFindings;
import dev.schemagate.data.ProbeOutcome;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes rules' pages in {@code docs/rules/} are their fixtures: each page's Bad SQL, in a schema
 * of its own, makes the probes report the rule; its Good SQL does not. One database, one probe run.
 */
class ProbeRuleDocsTest {

    private static final List<String> RULES = List.of(ProbeFindings.NOT_ENFORCED, ProbeFindings.WRITE_REFUSED,
            ProbeFindings.WRITE_LOST, ProbeFindings.WRITE_REWRITTEN, ProbeFindings.FOREIGN_KEY_ACTION);

    private static Fixture fixture;
    private static List<ProbeOutcome> outcomes;

    @BeforeAll
    static void probe() throws Exception {
        fixture = new Fixture("SELECT 1");
        for (String rule : RULES) {
            fixture.execute(inSchema(schema(rule, "bad"), section(rule, "Bad")));
            fixture.execute(inSchema(schema(rule, "good"), section(rule, "Good")));
        }
        fixture.execute("RESET search_path");
        Snapshot snapshot = fixture.snapshot();
        outcomes = new ArrayList<>();
        fixture.connection.setAutoCommit(false);
        for (String rule : RULES) {
            for (String example : List.of("bad", "good")) {
                // as the migration ran: its functions name its tables without a schema
                fixture.execute("SET LOCAL search_path = " + schema(rule, example));
                outcomes.addAll(new ConstraintProbes().probe(fixture.connection, only(snapshot, schema(rule, example))));
                fixture.connection.rollback();
            }
        }
        fixture.connection.setAutoCommit(true);
    }

    @AfterAll
    static void drop() throws Exception {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {ProbeFindings.NOT_ENFORCED, ProbeFindings.WRITE_REFUSED, ProbeFindings.WRITE_LOST,
            ProbeFindings.WRITE_REWRITTEN, ProbeFindings.FOREIGN_KEY_ACTION})
    void theBadExampleBreaksTheRuleAndTheGoodOneDoesNot(String rule) {
        assertThat(rules(schema(rule, "bad"))).as(rule).contains(rule);
        assertThat(rules(schema(rule, "good"))).as(rule).doesNotContain(rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bad", "Good"})
    void theCascadeReachExampleIsReportedOnlyWhenItCascades(String section) throws Exception {
        String schema = "cascade_" + section.toLowerCase(Locale.ROOT);
        fixture.execute(inSchema(schema, section(ProbeFindings.CASCADE_REACH, "Given")) + "; RESET search_path");
        CascadeReach.Seen seen = new CascadeReach.Seen();
        CascadeReach.added(seen, only(fixture.snapshot(), schema));
        fixture.execute("SET search_path = " + schema + ";\n" + section(ProbeFindings.CASCADE_REACH, section) + "; RESET search_path");
        List<CascadeReach.Reach> added = CascadeReach.added(seen, only(fixture.snapshot(), schema));

        if (section.equals("Bad")) {
            assertThat(added).singleElement().satisfies(reach -> assertThat(reach.paths())
                    .containsExactly(schema + ".accounts → " + schema + ".orders → " + schema + ".order_lines"));
        } else {
            assertThat(added).isEmpty();
        }
    }

    private static List<String> rules(String schema) {
        return outcomes.stream().filter(o -> o.table().schema().equals(schema) && o.verdict() == ProbeOutcome.Verdict.BROKEN)
                .map(ProbeFindings::rule).toList();
    }

    private static Snapshot only(Snapshot snapshot, String schema) {
        List<Table> tables = snapshot.tables().stream().filter(t -> t.schema().equals(schema)).toList();
        return new Snapshot(null, null, tables, null, null, null, null, null);
    }

    private static String schema(String rule, String example) {
        return rule.replaceAll("[^a-z]", "_") + "_" + example;
    }

    private static String inSchema(String schema, String sql) {
        return "CREATE SCHEMA " + schema + "; SET search_path = " + schema + ";\n" + sql;
    }

    private static String section(String rule, String name) throws Exception {
        Path page = RuleDocs.folder().resolve(rule + ".md");
        Matcher m = Pattern.compile("## " + name + "\\n\\n```sql\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(page));
        assertThat(m.find()).as(page + " has a " + name + " example").isTrue();
        return m.group(1);
    }
}
