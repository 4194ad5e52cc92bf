package dev.schemagate.cli;

import dev.schemagate.check.Finding;
import dev.schemagate.check.ReversibilityFindings;
import dev.schemagate.check.Severity;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An up script that fails in the checks' cycle, with the sample rows and without, but applies on the
 * database the run migrates, is reported as not checked rather than passed over: here a script whose
 * outcome depends on a sequence, which a rolled-back cycle still advances. The lint, whose first run
 * of it fails the same way on its sample rows, does not blame the rows: a second run on the same rows
 * goes through, and it says that the outcome varies.
 */
class CycleOnlyFailureTest {

    private static final String URL = Examples.sharedServerUrl();

    @Test
    void anUpThatFailsOnlyInTheCycleIsReportedNotChecked(@TempDir Path dir) throws Exception {
        write(dir, "1_tickets", "CREATE SEQUENCE ticket_numbers;\nCREATE TABLE tickets (id bigint PRIMARY KEY);",
                "DROP TABLE tickets;\nDROP SEQUENCE ticket_numbers;");
        write(dir, "2_first_number", """
                DO $$ BEGIN
                  IF nextval('ticket_numbers') = 1 THEN RAISE EXCEPTION 'ticket number 1 is reserved'; END IF;
                END $$;""", "SELECT 1;");

        VerifyResult result = new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(dir)
                .withServer(new ServerOptions(ServerOptions.DEFAULT_VERSION, URL)).withChecks(CheckName.defaults()).withRows(5, 1));

        assertThat(result.applied()).isEqualTo(2);
        Finding notChecked = result.findings().stream().filter(f -> f.ruleId().equals(ReversibilityFindings.NOT_CHECKED))
                .findFirst().orElseThrow(() -> new AssertionError(result.findings().toString()));
        assertThat(notChecked.severity()).isEqualTo(Severity.WARNING);
        assertThat(notChecked.location().file().getFileName().toString()).isEqualTo("2_first_number.up.sql");
        assertThat(notChecked.location().line()).isEqualTo(1);
        assertThat(notChecked.evidence()).anyMatch(line -> line.contains("ticket number 1 is reserved"));
        assertThat(result.runs().get(1).status()).isEqualTo(MigrationRun.Status.APPLIED);
        assertThat(result.runs().get(1).reversal()).isEqualTo(MigrationRun.Reversal.NOT_CHECKED);
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals(ReversibilityFindings.NOT_CHECKED)).hasSize(1);
        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain("lint.fails-on-seeded-rows");
        Finding varies = result.findings().stream().filter(f -> f.ruleId().equals("lint.nondeterministic-failure"))
                .findFirst().orElseThrow(() -> new AssertionError(result.findings().toString()));
        assertThat(varies.severity()).isEqualTo(Severity.WARNING);
        assertThat(varies.location().file().getFileName().toString()).isEqualTo("2_first_number.up.sql");
        assertThat(varies.location().line()).isEqualTo(1);
        assertThat(varies.message()).contains("ticket number 1 is reserved");
    }

    private static void write(Path dir, String name, String up, String down) throws Exception {
        Files.writeString(dir.resolve(name + ".up.sql"), up + "\n");
        Files.writeString(dir.resolve(name + ".down.sql"), down + "\n");
    }
}
