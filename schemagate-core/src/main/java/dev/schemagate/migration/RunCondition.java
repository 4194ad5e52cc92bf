package dev.schemagate.migration;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * What decides, on the database and at the moment a migration would run, whether it runs: a
 * Liquibase changeset's preconditions ({@code tableExists}, {@code sqlCheck}, …) with their
 * {@code onFail} and {@code onError}. The engine asks it before each migration that has one, so the
 * answer depends on what the migrations before it did, as it does when the tool runs them.
 */
@FunctionalInterface
public interface RunCondition {

    /**
     * The decision on a database in the state the migrations before this one left it.
     *
     * @param connection the database the migration would run on
     * @param applied    the migrations this run applied before it, in order
     */
    Decision decide(Connection connection, List<Migration> applied);

    /**
     * What becomes of {@code migration} on the database now: the one place every run that applies
     * migrations (verify, observed lint, snapshot, diff) asks, so that all of them run the same ones.
     *
     * @param applied the migrations this run applied before it, in order
     */
    static Decision of(Migration migration, Connection connection, List<Migration> applied) {
        return migration.condition().map(condition -> condition.decide(connection, List.copyOf(applied))).orElse(Decision.RUNS);
    }

    /** What becomes of the migration. */
    enum Verdict {
        /** The condition holds: the migration runs. */
        RUN,
        /** It does not hold, and the tool says so and runs the migration anyway ({@code onFail="WARN"}). */
        WARN,
        /** It does not hold, and the tool skips the migration ({@code MARK_RAN}, {@code CONTINUE}). */
        SKIP,
        /** It does not hold, and the tool stops the whole run there ({@code HALT}, the default). */
        HALT
    }

    /**
     * A verdict and, unless the condition held, why, in the tool's words.
     *
     * @param verdict what becomes of the migration
     * @param message why the condition does not hold (empty when it holds)
     * @param handling how the changelog says to handle that, such as {@code onFail="MARK_RAN"}
     * @param whole    where the condition is written when it guards the whole changelog rather than
     *                 this migration alone (a changelog's own preconditions); empty for the migration's own
     */
    record Decision(Verdict verdict, String message, String handling, Optional<Location> whole) {

        public static final Decision RUNS = new Decision(Verdict.RUN, "", "");

        /** A decision on the migration's own condition. */
        public Decision(Verdict verdict, String message, String handling) {
            this(verdict, message, handling, Optional.empty());
        }

        /** The same decision, on a condition written at {@code where} that guards the whole changelog. */
        public Decision ofWhole(Location where) {
            return new Decision(verdict, message, handling, Optional.of(where));
        }
    }
}
