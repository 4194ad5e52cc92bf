package dev.schemagate.postgres.introspect;

import dev.schemagate.dialect.ConnectionSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A second connection that reads the snapshot exported by the transaction on the first, so two
 * server backends run the catalog queries at once. The index query, which deparses every index,
 * costs about as much as all the others together and most on a new backend, whose caches are cold,
 * so it stays on the first connection (often warm: the one a schema was just applied on) and the
 * column, constraint and privilege queries run on the second. It pays only for large schemas: for
 * small ones the second connection's start costs more than it saves. Should the second connection
 * fail (say the server has no connection slot left), the first runs its queries.
 */
final class SplitRead implements AutoCloseable {

    /**
     * User relations (tables, indexes, views, sequences, TOAST tables) from which a second connection
     * pays, about 500 tables of ten columns, two indexes and a foreign key: on PostgreSQL 15 the split
     * saved 20 to 50 ms at 1,000 such tables, and opening and warming the second backend costs 20 to
     * 30 ms.
     */
    static final int THRESHOLD = 3000;

    /** The queries the second connection runs. */
    static final List<String> SECOND = List.of("columns", "constraints", "privileges");

    private final FutureTask<Map<String, ResultSet>> second;
    private volatile Connection connection;

    private SplitRead(ConnectionSource source, String snapshotId, int majorVersion) {
        second = new FutureTask<>(() -> {
            connection = source.open();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                statement.execute("SET TRANSACTION SNAPSHOT '" + snapshotId + "'");
                statement.execute(Catalog.READ_SETTINGS);
            }
            return new Catalog(connection, majorVersion).fetch(SECOND);
        });
        Thread thread = new Thread(second, "schemagate-snapshot-read");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the database holds enough user relations for a second connection to pay. */
    static boolean pays(Connection first, int threshold) throws SQLException {
        try (Statement statement = first.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM pg_class WHERE oid >= 16384")) {
            count.next();
            return count.getLong(1) >= threshold;
        }
    }

    /**
     * Exports the snapshot of the repeatable-read transaction open on the first connection and starts
     * the second connection's queries on it, in the background.
     */
    static SplitRead start(Connection first, ConnectionSource source, int majorVersion) throws SQLException {
        try (Statement statement = first.createStatement();
             ResultSet exported = statement.executeQuery("SELECT pg_export_snapshot()")) {
            exported.next();
            return new SplitRead(source, exported.getString(1), majorVersion);
        }
    }

    /** The second connection's results once it is done; none if it failed. */
    Map<String, ResultSet> results() throws SQLException {
        try {
            return second.get();
        } catch (ExecutionException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the second connection read the catalog", e);
        }
    }

    /** Waits for the second connection's queries, then closes it, which ends its transaction. */
    @Override
    public void close() throws SQLException {
        results();
        if (connection != null) {
            connection.close();
        }
    }
}
