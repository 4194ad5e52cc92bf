package dev.schemagate.engine;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The database a run applies migrations to, with its one open connection. Work that cannot run
 * in a transaction that is rolled back afterwards, and must leave the database as it was, runs on a
 * checkpoint: a clone of the database, made first, which is dropped afterwards.
 */
final class WorkingDatabase implements AutoCloseable {

    private final DatabaseServer server;
    private final ScratchDatabase current;
    /** The open connection; null after a checkpoint (a clone needs its database without connections) until it is next asked for. */
    private Connection connection;

    WorkingDatabase(DatabaseServer server) {
        this(server, server.createDatabase());
    }

    private WorkingDatabase(DatabaseServer server, ScratchDatabase database) {
        this.server = server;
        this.current = database;
        this.connection = connect();
    }

    /** A working database that starts as a copy of {@code template}, which stays as it is. */
    static WorkingDatabase cloneOf(DatabaseServer server, ScratchDatabase template) {
        return new WorkingDatabase(server, server.cloneDatabase(template));
    }

    /** A working database of its own that starts as a copy of this one. */
    WorkingDatabase copy() {
        return new WorkingDatabase(server, checkpoint());
    }

    Connection connection() {
        if (connection == null) {
            connection = connect();
        }
        return connection;
    }

    /** A copy of the database as it is now. */
    ScratchDatabase checkpoint() {
        closeConnection();
        return server.cloneDatabase(current);
    }

    private Connection connect() {
        try {
            return current.connect();
        } catch (SQLException e) {
            throw new InfrastructureException("could not connect to scratch database " + current.name() + ": " + e.getMessage(), e);
        }
    }

    private void closeConnection() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the database is copied or dropped right after; nothing is lost
        }
        connection = null;
    }

    /** Drops the database; when a migration took the server's means to drop it away, says so and goes on. */
    @Override
    public void close() {
        closeConnection();
        drop(current);
    }

    private static void drop(ScratchDatabase database) {
        try {
            database.close();
        } catch (InfrastructureException e) {
            System.err.println("schemagate: could not drop scratch database " + database.name() + ": " + e.getMessage());
        }
    }
}
