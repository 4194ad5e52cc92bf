package dev.schemagate.engine;

import dev.schemagate.check.ScriptOutcome;
import dev.schemagate.migration.Migration;

import java.time.Duration;

/**
 * What happened to one migration during a run.
 *
 * @param migration        the migration
 * @param status           whether it applied, failed, or was not reached
 * @param duration         how long its up script took (zero when not run)
 * @param statements       how many statements its up script holds (zero when not run)
 * @param autocommitReason why it ran outside a transaction, or empty
 * @param reversal         what the reversibility check made of it
 * @param reversalDuration how long down and up again took
 * @param history          true when the migration is history (already deployed): it was only applied
 */
public record MigrationRun(Migration migration, Status status, Duration duration, int statements, String autocommitReason,
                           Reversal reversal, Duration reversalDuration, boolean history) {

    /**
     * The fate of a migration in a run; {@code SKIPPED} when its run condition (a changeset's
     * preconditions under {@code onFail="MARK_RAN"} or {@code CONTINUE}) left it out.
     */
    public enum Status { APPLIED, FAILED, NOT_RUN, SKIPPED }

    /**
     * Whether a migration rolls back: {@code FAILED} when its down script fails or the up script
     * cannot run again after it, {@code NOT_RESTORED} when the down ran but left another schema,
     * {@code LOSES_ROWS} when it ran and restored the schema but not the rows, {@code MISSING_DOWN}
     * when a needed down script is absent, {@code NO_DOWN} when there is none and none is required
     * (legacy history, marked irreversible, an up that changed only data or nothing),
     * {@code FAILS_ON_SAMPLE_ROWS} when the down script fails only while the tables hold the
     * synthetic sample rows and restores the schema on empty tables (a warning, not a failure).
     */
    public enum Reversal {
        REVERSED, FAILED, NOT_RESTORED, LOSES_ROWS, MISSING_DOWN, NO_DOWN, FAILS_ON_SAMPLE_ROWS, NOT_CHECKED;

        /** True when the rollback check found something wrong. */
        public boolean failed() {
            return this == FAILED || this == NOT_RESTORED || this == LOSES_ROWS || this == MISSING_DOWN;
        }
    }

    /** A migration whose up script ran (or failed) with this outcome, its reversibility not yet checked. */
    public static MigrationRun of(Migration migration, ScriptOutcome outcome, Duration took) {
        return new MigrationRun(migration, outcome.succeeded() ? Status.APPLIED : Status.FAILED, took,
                outcome.statements(), outcome.autocommitReason(), Reversal.NOT_CHECKED, Duration.ZERO, false);
    }

    /** A migration its run condition left out: not applied, by design. */
    public static MigrationRun skipped(Migration migration) {
        return new MigrationRun(migration, Status.SKIPPED, Duration.ZERO, 0, "", Reversal.NOT_CHECKED, Duration.ZERO, false);
    }

    public static MigrationRun notRun(Migration migration) {
        return new MigrationRun(migration, Status.NOT_RUN, Duration.ZERO, 0, "", Reversal.NOT_CHECKED, Duration.ZERO, false);
    }

    public MigrationRun withReversal(Reversal newReversal, Duration took) {
        return new MigrationRun(migration, status, duration, statements, autocommitReason, newReversal, took, history);
    }

    /** The same run, marked as history or not. */
    public MigrationRun asHistory(boolean past) {
        return new MigrationRun(migration, status, duration, statements, autocommitReason, reversal, reversalDuration, past);
    }

    /** This migration's one status, which every report shows. */
    public MigrationOutcome outcome() {
        return MigrationOutcome.of(status, reversal);
    }
}
