package dev.schemagate.mysql;

import dev.schemagate.dialect.ScratchDatabase;

import java.sql.Connection;
import java.sql.SQLException;

/** One scratch database on a {@link MysqlServer}; closing drops it. */
final class MysqlScratchDatabase implements ScratchDatabase {

    private final MysqlServer server;
    private final String name;

    MysqlScratchDatabase(MysqlServer server, String name) {
        this.server = server;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String jdbcUrl() {
        return server.address().url(name);
    }

    @Override
    public String username() {
        return server.address().user();
    }

    @Override
    public String password() {
        return server.properties().getProperty("password", "");
    }

    @Override
    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    @Override
    public void close() {
        server.drop(name);
    }
}
