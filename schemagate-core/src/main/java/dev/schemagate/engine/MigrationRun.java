package dev.schemagate.engine;

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
 */
public record MigrationRun(Migration migration, Status status, Duration duration, int statements, String autocommitReason) {

    /** The fate of a migration in a run. */
    public enum Status { APPLIED, FAILED, NOT_RUN }

    public static MigrationRun notRun(Migration migration) {
        return new MigrationRun(migration, Status.NOT_RUN, Duration.ZERO, 0, "");
    }
}
