package dev.schemagate.postgres.server;

import dev.schemagate.dialect.ScratchDatabase;

import java.sql.Connection;
import java.sql.SQLException;

/** A database that a {@link PostgresServer} created and drops when it is closed. */
final class PostgresScratchDatabase implements ScratchDatabase {

    private final PostgresServer server;
    private final String name;

    PostgresScratchDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String jdbcUrl() {
        return server.urlOf(name);
    }

    @Override
    public String username() {
        return server.user();
    }

    @Override
    public String password() {
        return server.password();
    }

    @Override
    public Connection connect() throws SQLException {
        return server.connectScratch(name);
    }

    @Override
    public void lowerPriority(Connection connection) throws SQLException {
        server.lowerPriority(connection);
    }

    @Override
    public void close() {
        server.drop(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
