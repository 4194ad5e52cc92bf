package dev.schemagate.postgres.plan;

import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.diff.PlanProof;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.engine.PlanValidator;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.postgres.PostgresDialect;
import dev.schemagate.postgres.introspect.RoundTrip;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.fail;

/**
 * The plan oracle: snapshot the first schema and the second, plan from one to the other, and prove
 * the plan as {@code diff} does: SOURCE rebuilt from its snapshot and seeded with rows, the plan run
 * on a copy (every statement must run, the result must equal TARGET, no table may lose rows without a
 * statement that says it deletes data), and the plan without what can lose data run on a copy of its own.
 */
final class PlanOracle {

    private static final Path FAILED_PLANS = Path.of("target", "plan-round-trip");
    private static final PlanValidator.PlanSettings SETTINGS =
            new PlanValidator.PlanSettings(SnapshotOptions.full(), true, 10, 1);

    private PlanOracle() {
    }

    /** Proves the plan from {@code fromSql} to {@code toSql} (column order counts, so tables are rebuilt for it). */
    static PlanProof check(String name, String fromSql, String toSql) throws Exception {
        DatabaseServer server = RoundTrip.server();
        Snapshot source = RoundTrip.snapshotOf(server, fromSql);
        Snapshot target = RoundTrip.snapshotOf(server, toSql);
        MigrationPlan plan = PostgresPlanner.plan(source, target, true);
        PlanProof proof = new PlanValidator(new PostgresDialect(), server, SETTINGS).prove(source, target, plan, false);
        if (!proof.problems().isEmpty()) {
            fail(name + ": the plan is not proven (plan in " + keep(name, plan) + "):\n  - "
                    + String.join("\n  - ", proof.problems()));
        }
        return proof;
    }

    private static Path keep(String name, MigrationPlan plan) throws java.io.IOException {
        Files.createDirectories(FAILED_PLANS);
        Path file = FAILED_PLANS.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".sql");
        Files.writeString(file, plan.script());
        return file.toAbsolutePath();
    }
}
