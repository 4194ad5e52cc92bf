package dev.schemagate.liquibase;

import dev.schemagate.check.Finding;
import dev.schemagate.check.DataFindings;
import dev.schemagate.check.ReversibilityFindings;
import dev.schemagate.check.Severity;
import dev.schemagate.check.StatementFailures;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.migration.InputException;
import dev.schemagate.migration.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static dev.schemagate.liquibase.ChangelogReadingTest.JSON;
import static dev.schemagate.liquibase.ChangelogReadingTest.XML;
import static dev.schemagate.liquibase.ChangelogReadingTest.YAML;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Whole verify runs of changelogs in the three formats on the real server: every check applies to changesets. */
class ChangelogVerifyTest {

    private static ServerOptions server;

    @BeforeAll
    static void sharedServer() {
        server = SharedServer.options();
    }

    @Test
    void aYamlChangelogsDerivedRollbackThatForgetsTheOldDefaultAndAnExplicitOneThatLosesValuesAreCaughtAtTheirChangesets() {
        VerifyResult result = verify(VerifyOptions.of(YAML.resolve("db.changelog-master.yaml")));

        assertThat(result.runs()).extracting(MigrationRun::status).containsOnly(MigrationRun.Status.APPLIED);
        assertThat(result.runs()).extracting(MigrationRun::reversal).containsExactly(MigrationRun.Reversal.REVERSED,
                MigrationRun.Reversal.REVERSED, MigrationRun.Reversal.NO_DOWN, MigrationRun.Reversal.REVERSED,
                MigrationRun.Reversal.NOT_RESTORED, MigrationRun.Reversal.REVERSED, MigrationRun.Reversal.REVERSED,
                MigrationRun.Reversal.LOSES_ROWS);
        Finding notRestored = only(result, ReversibilityFindings.NOT_RESTORED);
        assertThat(notRestored.location()).isEqualTo(new Location(YAML.resolve("later/010-status-default.yaml"), 2, 0));
        assertThat(notRestored.evidence()).anyMatch(line -> line.contains("column status › defaultExpression"));
        Finding lost = only(result, DataFindings.DOWN_LOST);
        assertThat(lost.location()).isEqualTo(new Location(YAML.resolve("later/030-orders.yaml"), 25, 0));
        assertThat(lost.message()).contains("bo:drop-order-note", "public.orders");
        assertThat(result.concerns(result.runs().get(7), lost)).isTrue();
        assertThat(result.concerns(result.runs().get(6), lost)).as("the changeset above it in the file").isFalse();
        Finding index = only(result, "lint.add-index-non-concurrently");
        assertThat(index.location().file()).isEqualTo(YAML.resolve("changes/001-customers.yaml"));
        assertThat(index.location().line()).isEqualTo(25);
        assertThat(index.evidence()).contains("generated SQL: CREATE INDEX customers_email_idx ON customers(email)");
        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain(StatementFailures.NOT_IN_TRANSACTION);
        assertThat(result.runs().get(5).autocommitReason()).isEqualTo("the migration is marked to run outside a transaction");
    }

    @Test
    void anXmlChangelogRunsWithItsParametersAndARawSqlChangesetWithoutRollbackIsAMissingDownWhileAnEmptyRollbackMarksItIrreversible() {
        VerifyResult result = verify(VerifyOptions.of(XML).withSettings(Map.of("liquibase.parameters.table_prefix", "shop_")));

        assertThat(result.runs()).extracting(MigrationRun::status).containsOnly(MigrationRun.Status.APPLIED);
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals(ReversibilityFindings.MISSING_DOWN))
                .extracting(Finding::location, Finding::severity).containsExactly(
                        tuple(new Location(XML.resolve("changes/001-products.xml"), 36, 0), Severity.INFO),
                        tuple(new Location(XML.resolve("changes/002-prices.xml"), 14, 0), Severity.ERROR));
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals(ReversibilityFindings.MISSING_DOWN)).first()
                .extracting(Finding::message).asString().contains("carla:seed-products is irreversible on purpose", "rollback is empty");
        assertThat(result.runs()).extracting(MigrationRun::reversal).containsExactly(MigrationRun.Reversal.REVERSED,
                MigrationRun.Reversal.NO_DOWN, MigrationRun.Reversal.REVERSED, MigrationRun.Reversal.REVERSED,
                MigrationRun.Reversal.MISSING_DOWN);
    }

    @Test
    void withoutItsParameterTheXmlChangelogIsRefusedAtTheFirstChangesetThatUsesIt() {
        assertThatThrownBy(() -> verify(VerifyOptions.of(XML))).isInstanceOf(InputException.class)
                .hasMessageStartingWith(XML.resolve("changes/001-products.xml") + ":8: changeset carla:create-products uses the"
                        + " changelog parameter ${table_prefix}, which nothing sets")
                .hasMessageContaining("--param table_prefix=VALUE").hasMessageContaining("spring.liquibase.parameters.table_prefix");
    }

    @Test
    void aJsonChangesetLiquibaseCannotUndoIsAMissingDownAtItsLine() {
        VerifyResult result = verify(VerifyOptions.of(JSON));

        Finding missing = only(result, ReversibilityFindings.MISSING_DOWN);
        assertThat(missing.location()).isEqualTo(new Location(JSON.resolve("db.changelog-master.json"), 41, 0));
        assertThat(missing.hint()).startsWith("Add a rollback to the changeset").doesNotContain("schemagate:irreversible");
        assertThat(result.runs()).extracting(MigrationRun::reversal).containsExactly(MigrationRun.Reversal.REVERSED,
                MigrationRun.Reversal.REVERSED, MigrationRun.Reversal.MISSING_DOWN);
    }

    private static Finding only(VerifyResult result, String ruleId) {
        return result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).reduce((a, b) -> {
            throw new AssertionError("more than one " + ruleId + ": " + result.findings());
        }).orElseThrow(() -> new AssertionError("no " + ruleId + ": " + result.findings()));
    }

    private static VerifyResult verify(VerifyOptions options) {
        return new Verifier(ProgressListener.NONE).verify(options.withServer(server));
    }
}
