package dev.schemagate.postgres.plan;

import dev.schemagate.check.ScriptOutcome;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.diff.PlanProof;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.engine.PlanValidator;
import dev.schemagate.migration.DialectNames;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.Version;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.postgres.PostgresDialect;
import dev.schemagate.postgres.introspect.PostgresIntrospector;
import dev.schemagate.postgres.introspect.RoundTrip;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The plan between two points of ory/hydra's PostgreSQL history (third-party corpus), across the
 * migration that makes {@code hydra_client.pk} a uuid: no cast turns an integer into a uuid or back.
 */
class HydraPlanTest {

    private static final Version BEFORE = Version.parse("20210928175900000000");
    private static final Version AFTER = Version.parse("20211004110001000000");

    @Test
    void aKeyTurnedIntoAUuidIsConvertedThroughTextAndHeldBackWithTheServersReasonBothWays() throws Exception {
        List<Migration> migrations = migrations();
        Snapshot before;
        Snapshot after;
        try (ScratchDatabase database = RoundTrip.server().createDatabase(); Connection connection = database.connect()) {
            apply(connection, migrations, null, BEFORE);
            before = PostgresIntrospector.snapshot(connection, SnapshotOptions.full());
            apply(connection, migrations, BEFORE, AFTER);
            after = PostgresIntrospector.snapshot(connection, SnapshotOptions.full());
        }
        check(before, after, "uuid");
        check(after, before, "integer");
    }

    private static void check(Snapshot source, Snapshot target, String newType) {
        PlanProof proof = new PlanValidator(new PostgresDialect(), RoundTrip.server(),
                new PlanValidator.PlanSettings(SnapshotOptions.full(), false, 20, 1))
                .prove(source, target, PostgresPlanner.plan(source, target), false);

        assertThat(proof.problems()).isEmpty();
        assertThat(proof.heldBack()).extracting(s -> s.sql()).contains(
                "ALTER TABLE public.hydra_client ALTER COLUMN pk TYPE " + newType + " USING pk::text::" + newType);
        assertThat(proof.warnings()).singleElement().asString().contains("invalid input syntax for type " + newType);
        assertThat(proof.safe().failure()).isNull();
        assertThat(proof.leftOut().objects()).extracting(o -> o.object()).containsExactly("table public.hydra_client");
    }

    private static void apply(Connection connection, List<Migration> migrations, Version after, Version upTo)
            throws SQLException {
        for (Migration migration : migrations) {
            if ((after == null || migration.version().compareTo(after) > 0) && migration.version().compareTo(upTo) <= 0) {
                ScriptOutcome outcome = new ScriptRunner(new PostgresDialect()).run(connection, migration.up());
                assertThat(outcome.failure()).as(migration.displayName()).isEmpty();
            }
        }
    }

    private static List<Migration> migrations() {
        String root = System.getProperty("schemagate.corpus");
        assumeTrue(root != null && !root.isBlank(), "system property schemagate.corpus is not set; corpus test skipped");
        Path folder = Path.of(root).resolve("hydra-migrations/persistence/sql/migrations");
        assumeTrue(Files.isDirectory(folder), "no hydra migrations at " + folder + "; corpus test skipped");
        return MigrationDiscovery.discover(folder, Layout.AUTO, DialectNames.of(List.of("postgres", "postgresql", "pg")))
                .migrations();
    }
}
