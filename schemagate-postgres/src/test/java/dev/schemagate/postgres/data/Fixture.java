package dev.schemagate.postgres.data;

import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.postgres.TestServer;
import dev.schemagate.postgres.introspect.PostgresIntrospector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A scratch database with a connection, for the data tests; closing it drops the database. */
final class Fixture implements AutoCloseable {

    final ScratchDatabase database;
    final Connection connection;

    Fixture(String sql) throws SQLException {
        database = TestServer.shared().createDatabase();
        connection = database.connect();
        execute(sql);
    }

    static Fixture ofResource(String name) throws SQLException, IOException {
        try (InputStream in = Fixture.class.getResourceAsStream(name)) {
            return new Fixture(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    Snapshot snapshot() throws SQLException {
        return PostgresIntrospector.snapshot(connection, SnapshotOptions.structureOnly());
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    long number(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
        database.close();
    }
}
