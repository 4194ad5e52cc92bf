package dev.schemagate.postgres.data;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The constraint probes' hands on the connection, inside the caller's open transaction: runs work
 * under a savepoint that is rolled back (or kept), and reads what the server said when it refused.
 */
final class ProbeSession {

    private final Connection connection;
    private int savepoints;

    ProbeSession(Connection connection) {
        this.connection = connection;
    }

    /** Work that may fail on the database. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /** What the server said when it refused a statement. */
    record Refusal(String sqlState, String constraint, String column, String message, String where) {

        static Refusal of(SQLException failure) {
            String message = Inserter.message(failure);
            if (failure instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                return new Refusal(failure.getSQLState(), server.getConstraint(), server.getColumn(), message,
                        server.getWhere());
            }
            return new Refusal(failure.getSQLState(), null, null, message, null);
        }

        @Override
        public String toString() {
            return "refused it with " + sqlState + ": " + message;
        }
    }

    /** Runs the work under a savepoint that is always rolled back; a failure comes back as the exception. */
    <T> T rolledBack(Work<T> work) throws SQLException {
        String name = "schemagate_probe_" + savepoints++;
        execute("SAVEPOINT " + name);
        try {
            return work.run();
        } finally {
            execute("ROLLBACK TO SAVEPOINT " + name + "; RELEASE SAVEPOINT " + name);
        }
    }

    /** Runs the work under a savepoint that is kept when it succeeds and rolled back when it fails. */
    <T> T keptIfDone(Work<T> work) throws SQLException {
        String name = "schemagate_probe_" + savepoints++;
        execute("SAVEPOINT " + name);
        try {
            T result = work.run();
            execute("RELEASE SAVEPOINT " + name);
            return result;
        } catch (SQLException | RuntimeException failure) {
            execute("ROLLBACK TO SAVEPOINT " + name + "; RELEASE SAVEPOINT " + name);
            throw failure;
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The rows of a query, each as text values in column order. */
    List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The first value of a query's first row, or null when it has none. */
    String value(String sql) throws SQLException {
        List<List<String>> rows = rows(sql);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }
}
