package dev.schemagate.postgres.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs one insert so that its failure leaves the connection usable: in autocommit mode as a plain
 * statement (it is atomic on its own), inside an open transaction under a savepoint, in one round
 * trip with the savepoint and its release.
 */
final class Inserter {

    private static final String SAVEPOINT = "schemagate_seed";

    private Inserter() {
    }

    /** The number of rows inserted. */
    static int insert(Connection connection, String insert) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (connection.getAutoCommit()) {
                return statement.executeUpdate(insert);
            }
            try {
                statement.execute("SAVEPOINT " + SAVEPOINT + "; " + insert + "; RELEASE SAVEPOINT " + SAVEPOINT);
                statement.getMoreResults();
                return statement.getUpdateCount();
            } catch (SQLException failure) {
                statement.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT + "; RELEASE SAVEPOINT " + SAVEPOINT);
                throw failure;
            }
        }
    }

    /** The first line of the database's message, without its severity. */
    static String message(SQLException failure) {
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        return message.lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
    }
}
