package dev.schemagate.postgres.plan;

import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.diff.PlannedStatement;
import dev.schemagate.diff.SchemaDiff;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.postgres.introspect.PostgresIntrospector;
import dev.schemagate.postgres.introspect.RoundTrip;
import dev.schemagate.postgres.introspect.SnapshotDifference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.fail;

/**
 * The plan oracle: load the first schema and the second into fresh databases, plan from the first
 * snapshot to the second, run the plan on the first database, statement by statement; its snapshot
 * must then equal the second's, and planning again must find nothing to do.
 */
final class PlanOracle {

    private static final Path FAILED_PLANS = Path.of("target", "plan-round-trip");

    private PlanOracle() {
    }

    static void check(String name, String fromSql, String toSql) throws Exception {
        DatabaseServer server = RoundTrip.server();
        Snapshot target = RoundTrip.snapshotOf(server, toSql);
        try (ScratchDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            RoundTrip.load(database, fromSql);
            Snapshot source = PostgresIntrospector.snapshot(connection, SnapshotOptions.full());
            MigrationPlan plan = PostgresPlanner.plan(source, target);
            apply(name, connection, plan);
            Snapshot migrated = PostgresIntrospector.snapshot(connection, SnapshotOptions.full());
            if (!migrated.equals(target)) {
                fail(name + ": after the plan the database still differs (plan in " + keep(name, plan) + "):\n"
                        + SnapshotDifference.describe(target, migrated));
            }
            if (!SchemaDiff.of(migrated, target).isEmpty() || !PostgresPlanner.plan(migrated, target).isEmpty()) {
                fail(name + ": diffing again is not empty");
            }
        }
    }

    private static void apply(String name, Connection connection, MigrationPlan plan) throws Exception {
        connection.setAutoCommit(true);
        for (PlannedStatement statement : plan.statements()) {
            try (Statement jdbc = connection.createStatement()) {
                jdbc.execute(statement.sql());
            } catch (SQLException e) {
                fail(name + ": the plan fails at\n" + statement.sql() + "\n" + e.getMessage() + "\n(plan in "
                        + keep(name, plan) + ")");
            }
        }
    }

    private static Path keep(String name, MigrationPlan plan) throws java.io.IOException {
        Files.createDirectories(FAILED_PLANS);
        Path file = FAILED_PLANS.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".sql");
        Files.writeString(file, plan.script());
        return file.toAbsolutePath();
    }
}
