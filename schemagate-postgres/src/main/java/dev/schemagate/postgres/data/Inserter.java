package dev.schemagate.postgres.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /**
     * Runs all the inserts in one round trip, all or none: the rows each inserted, or empty when the
     * database rejected one of them (nothing is then left of any).
     */
    static Optional<List<Integer>> insertAll(Connection connection, List<String> inserts) throws SQLException {
        if (inserts.isEmpty()) {
            return Optional.of(List.of());
        }
        boolean autoCommit = connection.getAutoCommit();
        String all = String.join(";\n", inserts);
        try (Statement statement = connection.createStatement()) {
            try {
                statement.execute(autoCommit ? all : "SAVEPOINT " + SAVEPOINT + ";\n" + all + ";\nRELEASE SAVEPOINT " + SAVEPOINT);
                if (!autoCommit) {
                    statement.getMoreResults();
                }
                List<Integer> counts = new ArrayList<>();
                for (int i = 0; i < inserts.size(); i++) {
                    if (i > 0) {
                        statement.getMoreResults();
                    }
                    counts.add(statement.getUpdateCount());
                }
                return Optional.of(counts);
            } catch (SQLException rejected) {
                if (!autoCommit) {
                    statement.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT + "; RELEASE SAVEPOINT " + SAVEPOINT);
                }
                return Optional.empty();
            }
        }
    }

    /** The first line of the database's message, without its severity. */
    static String message(SQLException failure) {
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        return message.lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
    }
}
