package dev.schemagate.lint;

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
     * Puts {@code rows} rows in every empty table of {@code snapshot} (the schema the connection
     * sees now); returns the tables it could not fill completely.
     */
    List<Skipped> seed(Connection connection, Snapshot snapshot, int rows) throws SQLException;

    /**
     * Empties every table this seeder filled that still exists (under whatever name it has now),
     * so that a migration that failed on the seeded rows can run again without them.
     */
    void clear(Connection connection) throws SQLException;
}
