package dev.schemagate.lint;

import dev.schemagate.migration.Statement;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Watches statements run on a database: what a dialect contributes to observed linting. The
 * PostgreSQL one reads {@code pg_locks} and {@code pg_class.relfilenode} of its own backend.
 */
public interface StatementObserver {

    /** Runs a statement; the observer times it and reads what it did. */
    interface Execution {
        void run() throws SQLException;
    }

    /** The tables that exist now (names without schema), read before a migration starts. */
    Set<String> tables(Connection connection) throws SQLException;

    /**
     * Runs the statement through {@code execution} on {@code connection} and reports what it did.
     * When the connection is in a transaction, the observer reads locks before it commits.
     */
    Observation observe(Connection connection, Statement statement, Set<String> existingTables, Execution execution)
            throws SQLException;

    /**
     * An observer like this one that reads only locks, rewrites and index builds, for a caller that shows
     * nothing else (a plan's hazards): it neither counts the rows of the tables a statement touched (a
     * round trip fewer per table) nor reads which views use the columns a statement may drop; by default
     * this one.
     */
    default StatementObserver hazardsOnly() {
        return this;
    }
}
