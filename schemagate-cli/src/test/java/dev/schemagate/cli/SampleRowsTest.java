package dev.schemagate.cli;

import dev.schemagate.check.DataFindings;
import dev.schemagate.check.Finding;
import dev.schemagate.check.ReversibilityFindings;
import dev.schemagate.check.Severity;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.MigrationOutcome;
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
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sample rows are consistent the way production rows are: values a migration casts are of the type
 * it casts them to, so only a migration that would fail on real data is reported, and a failure that
 * depends on the sample rows says so, in its finding and in the migration's status. Each class in
 * both directions, on the result records.
 */
class SampleRowsTest {

    private static final ServerOptions SERVER = new ServerOptions(ServerOptions.DEFAULT_VERSION, Examples.sharedServerUrl());
    private static final String FAILS_ON_SEEDED_ROWS = "lint.fails-on-seeded-rows";

    @TempDir
    Path dir;

    @Test
    void textCastToJsonbHoldsJsonAsTheApplicationWroteIt() throws IOException {
        events();
        write("2_flows.up.sql", "CREATE TABLE flows (id int PRIMARY KEY, context jsonb NOT NULL);\n"
                + "INSERT INTO flows (id, context) SELECT id, cast(coalesce(events.payload, '{}') as jsonb) FROM events;");
        write("2_flows.down.sql", "DROP TABLE flows;");
        write("3_cast.up.sql", "ALTER TABLE events ALTER COLUMN payload TYPE jsonb USING payload::jsonb;");
        write("3_cast.down.sql", "ALTER TABLE events ALTER COLUMN payload TYPE text;");

        VerifyResult result = verify();

        assertThat(rules(result)).as(result.findings().toString())
                .doesNotContain(DataFindings.UP_FAILED_WITH_ROWS, FAILS_ON_SEEDED_ROWS, ReversibilityFindings.DOWN_FAILED);
        assertThat(result.runs()).extracting(MigrationRun::outcome).containsOnly(MigrationOutcome.APPLIED);
        assertThat(result.runs()).extracting(MigrationRun::reversal).containsOnly(MigrationRun.Reversal.REVERSED);
    }

    @Test
    void aCastThatFailsOnAnyValueIsReportedAndSaysItRanOnSampleRows() throws IOException {
        events();
        write("2_code.up.sql", "ALTER TABLE events ALTER COLUMN label TYPE integer USING (label || 'x')::integer;");
        write("2_code.down.sql", "ALTER TABLE events ALTER COLUMN label TYPE text;");

        VerifyResult result = verify();

        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals(DataFindings.UP_FAILED_WITH_ROWS)).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
                    assertThat(finding.message()).startsWith("up script fails on the sample rows in the tables: invalid input syntax for type integer");
                    assertThat(finding.location().file()).isEqualTo(dir.resolve("2_code.up.sql"));
                });
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals(FAILS_ON_SEEDED_ROWS)).singleElement()
                .satisfies(note -> assertThat(note.message()).contains("fails on the sample rows"));
    }

    @Test
    void aDownScriptThatFailsOnlyWithSampleRowsIsAWarningAndItsStatusSaysSo() throws IOException {
        Rollback free = rollback("ALTER TABLE t DROP CONSTRAINT t_code_key;\nUPDATE t SET code = 0;",
                "ALTER TABLE t ADD CONSTRAINT t_code_key UNIQUE (code);");

        assertThat(free.run().reversal()).isEqualTo(MigrationRun.Reversal.FAILS_ON_SAMPLE_ROWS);
        assertThat(free.run().outcome()).isEqualTo(MigrationOutcome.ROLLBACK_FAILS_ON_SAMPLE_ROWS);
        assertThat(free.run().outcome().ok()).isTrue();
        assertThat(free.downFailures()).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.message()).startsWith("down script fails when the tables hold the sample rows");
        });
    }

    @Test
    void aDownScriptThatFailsOnEmptyTablesTooIsAFailedRollback() throws IOException {
        Rollback free = rollback("ALTER TABLE t DROP CONSTRAINT t_code_key;", "ALTER TABLE t ADD CONSTRAINT t_code_key UNIQUE (missing);");

        assertThat(free.run().reversal()).isEqualTo(MigrationRun.Reversal.FAILED);
        assertThat(free.run().outcome()).isEqualTo(MigrationOutcome.ROLLBACK_FAILED);
        assertThat(free.downFailures()).extracting(Finding::severity).containsExactly(Severity.ERROR);
    }

    /** A migration's run and its {@code reversibility.down-failed} findings. */
    private record Rollback(MigrationRun run, List<Finding> downFailures) {
    }

    /** Verifies a table whose {@code code} is unique, then the migration given; what happened to that migration. */
    private Rollback rollback(String up, String down) throws IOException {
        write("1_t.up.sql", "CREATE TABLE t (id int PRIMARY KEY, code int, CONSTRAINT t_code_key UNIQUE (code));");
        write("1_t.down.sql", "DROP TABLE t;");
        write("2_free.up.sql", up);
        write("2_free.down.sql", down);
        VerifyResult result = verify();
        return new Rollback(result.runs().get(1), result.findings().stream()
                .filter(f -> f.ruleId().equals(ReversibilityFindings.DOWN_FAILED)).toList());
    }

    private void events() throws IOException {
        write("1_events.up.sql", "CREATE TABLE events (id int PRIMARY KEY, payload text, label text);");
        write("1_events.down.sql", "DROP TABLE events;");
    }

    private VerifyResult verify() {
        VerifyOptions options = VerifyOptions.of(dir).withServer(SERVER).withChecks(Set.of(CheckName.APPLY,
                CheckName.REVERSIBILITY, CheckName.DATA, CheckName.LINT));
        return new Verifier(new ProgressListener() { }).verify(options);
    }

    private static List<String> rules(VerifyResult result) {
        return result.findings().stream().map(Finding::ruleId).toList();
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql);
    }
}
