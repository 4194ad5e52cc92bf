package dev.schemagate.engine;

import dev.schemagate.dialect.ForwardingScratchDatabase;
import dev.schemagate.dialect.ScratchDatabase;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A scratch database whose connections have the server's work for them lowered in priority where the
 * server allows it ({@link ScratchDatabase#lowerPriority}): the database of the lint beside the walk,
 * which then takes the processors the walk leaves.
 */
final class LowPriorityDatabase extends ForwardingScratchDatabase {

    LowPriorityDatabase(ScratchDatabase database) {
        super(database);
    }

    @Override
    public Connection connect() throws SQLException {
        Connection connection = forwardedTo().connect();
        try {
            forwardedTo().lowerPriority(connection);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }
}
