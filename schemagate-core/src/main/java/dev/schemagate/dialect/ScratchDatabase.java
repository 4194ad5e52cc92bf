package dev.schemagate.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/** A throwaway database on a {@link DatabaseServer}; closing it drops it. */
public interface ScratchDatabase extends AutoCloseable {

    /** The database's name on its server. */
    String name();

    /** A JDBC URL to reach it; it may hold credentials, so never print it. */
    String jdbcUrl();

    String username();

    String password();

    /** A new connection, in autocommit mode; the caller closes it. */
    Connection connect() throws SQLException;

    /**
     * Lowers the priority of the server's work for {@code connection}, a connection to this database, where
     * that work is a process this run started ({@link LowPriority}): for work beside the run's main line.
     * By default nothing: a server elsewhere, or one process for every connection.
     */
    default void lowerPriority(Connection connection) throws SQLException {
    }

    @Override
    void close();
}
