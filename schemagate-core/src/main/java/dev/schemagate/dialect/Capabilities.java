package dev.schemagate.dialect;

import java.time.Duration;

/**
 * What a database can do that the engine would otherwise have to assume: whether a schema change
 * can be rolled back with its transaction (so a migration can be tried and undone for free), whether
 * savepoints exist, and how a scratch database is made and copied, at what cost. The engine asks
 * these; a dialect answers them once.
 *
 * @param transactionalDdl whether DDL statements take part in a transaction, so that rolling it back
 *                         undoes them; without it every trial runs on a copy of the database
 * @param savepoints       whether a transaction can be rolled back to a savepoint inside it
 * @param scratch          how a scratch database is made, for people ({@code a file in the run's folder})
 * @param cloning          how a scratch database is copied, for people ({@code a file copy})
 * @param cloneCost        about what one copy of a small database costs, for planning and for people
 */
public record Capabilities(boolean transactionalDdl, boolean savepoints, String scratch, String cloning,
                           Duration cloneCost) {
}
