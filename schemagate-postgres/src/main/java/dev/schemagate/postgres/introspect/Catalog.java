package dev.schemagate.postgres.introspect;

import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs the catalog queries on one connection, choosing the SQL for the server's major version. Some
 * results may have been fetched ahead, here or on another connection reading the same snapshot; a
 * query whose result is waiting is not run again.
 */
final class Catalog {

    /** Reads one row; may throw as the driver does. */
    @FunctionalInterface
    interface RowReader {
        void read(Row row) throws SQLException;
    }

    /**
     * The settings a transaction that only reads the catalog runs with: an empty search path, so every name
     * it prints is qualified, and no JIT compilation, which a server built with it would otherwise spend on
     * every call of a query whose estimated cost grows with the schema (the columns and indexes of some
     * 2,000 tables: about 90 ms a reading, a third of it).
     */
    static final String READ_SETTINGS = "SET LOCAL search_path = ''; SET LOCAL jit = off";
    /**
     * Keeps the search path, the JIT setting and the planner's use of sequential scans, and sets those of
     * {@link #READ_SETTINGS} and the scope, for this transaction. A scoped read looks each part up by its
     * key, so it plans without sequential scans. Otherwise a catalog small when the query was first
     * planned (the plan is kept for the connection's life) is scanned whole for a few rows at every
     * reading, at a cost that grows with the schema: at 500 tables the links query took 0.50 ms a
     * reading with them and 0.21 ms without.
     */
    private static final String ENTER_SCOPE = "SELECT set_config('schemagate.search_path', current_setting('search_path'), true),"
            + " set_config('schemagate.jit', current_setting('jit'), true),"
            + " set_config('schemagate.enable_seqscan', current_setting('enable_seqscan'), true),"
            + " set_config('search_path', '', true), set_config('jit', 'off', true),"
            + " set_config('enable_seqscan', 'off', true), set_config('schemagate.scope', ?, true)";
    /** Puts back the settings {@link #ENTER_SCOPE} kept. */
    private static final String LEAVE_SCOPE = "SELECT set_config('search_path', current_setting('schemagate.search_path'), true),"
            + " set_config('jit', current_setting('schemagate.jit'), true),"
            + " set_config('enable_seqscan', current_setting('schemagate.enable_seqscan'), true)";
    /** Between the statements of a batch sent in one round trip. */
    static final String SEPARATOR = "\n;\n";

    private final Connection connection;
    private final int majorVersion;
    private final boolean scoped;
    private final Map<String, ResultSet> fetched = new HashMap<>();

    Catalog(Connection connection, int majorVersion) {
        this(connection, majorVersion, false);
    }

    /** A catalog whose queries, when {@code scoped}, read only the relations of the transaction's scope. */
    Catalog(Connection connection, int majorVersion, boolean scoped) {
        this.connection = connection;
        this.majorVersion = majorVersion;
        this.scoped = scoped;
    }

    int majorVersion() {
        return majorVersion;
    }

    /**
     * Runs the queries of these kinds now, sent together in one round trip, and keeps their results
     * (the driver holds every row) until {@link #query} asks for them.
     */
    Map<String, ResultSet> fetch(List<String> kinds) throws SQLException {
        if (kinds.isEmpty()) {
            return Map.copyOf(fetched);
        }
        return fetch(queries(kinds), kinds, null);
    }

    /**
     * As {@link #fetch}, for a scoped catalog inside the transaction it reads: in the same round trip, the
     * scope ({@code oids}, an {@code oid[]} literal) and the settings of {@link #READ_SETTINGS} are set for
     * the queries, and the settings are put back after them, so the transaction goes on as it was.
     */
    Map<String, ResultSet> fetchScoped(String oids, List<String> kinds) throws SQLException {
        return fetch(ENTER_SCOPE + SEPARATOR + queries(kinds) + SEPARATOR + LEAVE_SCOPE, kinds, oids);
    }

    private String queries(List<String> kinds) {
        return kinds.stream().map(kind -> CatalogSql.load(kind, majorVersion, scoped)).collect(Collectors.joining(SEPARATOR));
    }

    /** Runs {@code sql}, the queries of {@code kinds} between {@link #ENTER_SCOPE} and {@link #LEAVE_SCOPE} when {@code oids} is given. */
    private Map<String, ResultSet> fetch(String sql, List<String> kinds, String oids) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            statement.unwrap(PGStatement.class).setPrepareThreshold(1);
            if (oids != null) {
                statement.setString(1, oids);
            }
            statement.execute();
            if (oids != null) {
                statement.getResultSet().close();
                statement.getMoreResults(Statement.KEEP_CURRENT_RESULT);
            }
            for (String kind : kinds) {
                fetched.put(kind, statement.getResultSet());
                statement.getMoreResults(Statement.KEEP_CURRENT_RESULT);
            }
            if (oids != null) {
                statement.getResultSet().close();
            }
            statement.closeOnCompletion();
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
        return Map.copyOf(fetched);
    }

    /** Takes results another catalog fetched on a connection reading the same snapshot. */
    void adopt(Map<String, ResultSet> results) {
        fetched.putAll(results);
    }

    /**
     * Runs the query of one kind of object (or takes its fetched result) and hands each row to the
     * reader.
     */
    void query(String kind, RowReader reader) throws SQLException {
        ResultSet waiting = fetched.remove(kind);
        try (ResultSet resultSet = waiting != null ? waiting : execute(kind)) {
            Row row = new Row(resultSet);
            while (resultSet.next()) {
                reader.read(row);
            }
        }
    }

    /**
     * The query is prepared on the server from its first use, so a connection that snapshots again
     * and again (a verify run takes several snapshots per migration) plans each catalog query once.
     * The statement closes with its result.
     */
    private ResultSet execute(String kind) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(CatalogSql.load(kind, majorVersion, scoped));
        try {
            statement.unwrap(PGStatement.class).setPrepareThreshold(1);
            statement.closeOnCompletion();
            return statement.executeQuery();
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
