package dev.schemagate.lint;

import dev.schemagate.data.FailedStatement;
import dev.schemagate.model.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Fills empty tables with rows before a migration runs, so that locks and rewrites are observed
 * on tables that hold data. A dialect supplies it through its {@link ObservationProvider}; one
 * instance serves one observed run and remembers the tables it filled.
 */
public interface Seeder {

    /** A table that holds fewer rows than asked for, and why. */
    record Skipped(String table, String reason) {
    }

    /**
     * Puts {@code rows} rows in every empty table of {@code schema} (the schema the connection sees
     * now, read only when some table is empty); returns the tables it could not fill completely.
     */
    List<Skipped> seed(Connection connection, Work<Snapshot> schema, int rows) throws SQLException;

    /**
     * Empties every table this seeder filled that still exists (under whatever name it has now),
     * so that a migration that failed on the seeded rows can run again without them.
     */
    void clear(Connection connection) throws SQLException;

    /** Work done on a connection, with a result. */
    interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction that is rolled back afterwards, with the tables this seeder
     * filled emptied first: what a migration would do without the sample rows, learnt without losing them.
     */
    <T> T withoutRows(Connection connection, Work<T> work) throws SQLException;

    /**
     * Makes the sample rows consistent with the foreign keys {@code target} adds over the tables of
     * {@code now}, as production rows are; returns how many rows changed.
     */
    long conform(Connection connection, Snapshot now, Snapshot target) throws SQLException;

    /**
     * Re-seeds the sample values that made {@code failure} a data exception with values valid for
     * what the statement does, as {@link dev.schemagate.data.DataProbe#reseed} does; returns how many rows changed.
     */
    long reseed(Connection connection, Snapshot now, FailedStatement failure) throws SQLException;
}
