package dev.schemagate.dialect;

import dev.schemagate.data.ConstraintProber;
import dev.schemagate.data.DataProbe;
import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.migration.Statement;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.migration.StatementSplitter;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Everything Schemagate needs to know about one database product. Implementations are found
 * with {@link java.util.ServiceLoader}, so a new dialect is a new module on the class path.
 */
public interface Dialect {

    /** The dialect's id, as users write it ({@code postgres}). */
    String id();

    /**
     * The names migration tools use for this dialect in file names, such as golang-migrate's
     * {@code 1_x.postgres.up.sql}; the first is {@link #id()}.
     */
    List<String> fileNameAliases();

    /**
     * The ids Spring Boot gives this dialect's databases ({@code DatabaseDriver}'s, the JDBC URL's
     * sub-protocol), which {@code {vendor}} in {@code spring.flyway.locations} stands for; the
     * first is preferred where several folders exist. This default is the dialect's id.
     */
    default List<String> vendorIds() {
        return List.of(id());
    }

    /** What the database can do that the engine must not assume, such as rolling back DDL. */
    Capabilities capabilities();

    /**
     * The versions of the embedded server a run can choose between ({@link ServerOptions#version()}),
     * so a matrix run makes a target of each one asked for; empty when the dialect has only one.
     */
    default List<String> serverVersions() {
        return List.of();
    }

    /**
     * Whether a JDBC URL names a database of this dialect, so a run given only {@code --db-url}
     * knows its dialect; this default recognises none.
     */
    default boolean acceptsUrl(String url) {
        return false;
    }

    /**
     * Whether a run that names no dialect, on a folder whose files name none or several, uses this
     * one. At most one dialect on the class path says so.
     */
    default boolean fallback() {
        return false;
    }

    /**
     * Whether the dialect makes {@link ServerOptions#session()} on its connections; a run that asks
     * for settings on a dialect that does not is refused rather than run without them.
     */
    default boolean runsSessionSettings() {
        return false;
    }

    /**
     * Whether the dialect defines {@link ServerOptions#functions()} on its connections; a run that
     * declares functions on a dialect that does not is refused rather than run without them.
     */
    default boolean definesRunnerFunctions() {
        return false;
    }

    /** Cuts scripts into statements as this database's own client does. */
    StatementSplitter splitter();

    /** Starts (or connects to) a server as the options say; the caller closes it. */
    DatabaseServer start(ServerOptions options);

    /** Runs one statement on a connection, including any data it carries (such as COPY rows). */
    void execute(Connection connection, Statement statement) throws SQLException;

    /**
     * Runs a whole script of statements in one call, as one round trip where the driver sends
     * several statements at once; a driver that runs only the first of them needs its dialect to
     * run them one by one here.
     */
    default void executeScript(Connection connection, String sql) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Reads the schema as the connection sees it, inside whatever transaction is open on it, so a
     * caller can snapshot states it will roll back.
     */
    Snapshot snapshot(Connection connection, SnapshotOptions options) throws SQLException;

    /**
     * Reads the schema of the database the connection (in autocommit mode, and left so) is on, at one
     * point in time, in a transaction that is rolled back. A dialect may open more connections from
     * {@code more} to read parts of a large schema at once; this default reads over the one.
     */
    default Snapshot snapshot(Connection connection, ConnectionSource more, SnapshotOptions options)
            throws SQLException {
        return snapshot(connection, options);
    }

    /**
     * Whether the dialect can tell what changed in a schema since a moment, so a cycle reads again
     * only that; a dialect that cannot takes whole snapshots, which this default says.
     */
    default Optional<ChangeTracking> changeTracking() {
        return Optional.empty();
    }

    /**
     * The statements that turn a database whose schema is {@code from} into one whose schema is
     * {@code to}, in dependency order, each with its hazards.
     */
    MigrationPlan migrationPlan(Snapshot from, Snapshot to);

    /**
     * The plan, where {@code columnOrder} says whether a different column order alone is worth
     * rebuilding a table for (copying its rows); without it, column order is reported but left as is.
     */
    default MigrationPlan migrationPlan(Snapshot from, Snapshot to, boolean columnOrder) {
        return migrationPlan(from, to);
    }

    /** A dependency-ordered schema file that rebuilds the snapshot exactly (extensions at their versions). */
    String schemaSql(Snapshot snapshot);

    /**
     * A schema file to check in: without {@code extensionVersions}, extensions are created at the
     * server's default version, so the file loads on every supported major.
     */
    default String schemaSql(Snapshot snapshot, boolean extensionVersions) {
        return schemaSql(snapshot);
    }

    /** Opens a read-only connection to a live database named by a JDBC URL (credentials may come from the environment). */
    Connection connectLive(String url) throws SQLException;

    /** Seeds, captures and checks table data, for the data and integrity checks. */
    DataProbe data();

    /**
     * Proves the database enforces what a schema declares, for the probes check; empty when the
     * dialect has no probes yet (the check then says so and the others run in full).
     */
    default Optional<ConstraintProber> prober() {
        return Optional.empty();
    }

    /**
     * What the statement reaches outside the database it runs in (other databases, roles, server
     * settings, the server's files and programs), or empty when it stays inside. A run on a server it
     * does not own refuses such statements before it runs anything; this default sees none.
     */
    default Optional<Reach> reach(Statement statement) {
        return Optional.empty();
    }

    /**
     * Whether the database commits on its own when it meets the statement (an implicit commit
     * before DDL), so that what ran before it in the script's transaction stays whatever happens next.
     * Asked only of a dialect whose DDL is not transactional; this default says no statement does.
     */
    default boolean commitsImplicitly(Statement statement) {
        return false;
    }

    /** How this dialect fills tables at volume and counts a statement's work, for profiling; empty when it cannot. */
    default Optional<Profiling> profiling() {
        return Optional.empty();
    }

    /** The words core's messages and Flyway's placeholders use for this database (its spelling of a constraint not yet validated, its scratch user). */
    default Vocabulary vocabulary() {
        return Vocabulary.plain();
    }

    /** Reads what the server said out of a driver exception. */
    DatabaseError describe(SQLException failure);
}
