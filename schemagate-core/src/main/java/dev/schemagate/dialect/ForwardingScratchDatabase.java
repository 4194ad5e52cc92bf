package dev.schemagate.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A scratch database that passes every call to another: the base of a wrapper that changes one thing
 * about it (what its connections do, when it is dropped) and nothing else.
 */
public abstract class ForwardingScratchDatabase implements ScratchDatabase {

    private final ScratchDatabase database;

    protected ForwardingScratchDatabase(ScratchDatabase database) {
        this.database = database;
    }

    /** The database every call goes to. */
    public final ScratchDatabase forwardedTo() {
        return database;
    }

    @Override
    public String name() {
        return database.name();
    }

    @Override
    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    @Override
    public String username() {
        return database.username();
    }

    @Override
    public String password() {
        return database.password();
    }

    @Override
    public Connection connect() throws SQLException {
        return database.connect();
    }

    @Override
    public void lowerPriority(Connection connection) throws SQLException {
        database.lowerPriority(connection);
    }

    @Override
    public void close() {
        database.close();
    }

    @Override
    public String toString() {
        return database.toString();
    }
}
