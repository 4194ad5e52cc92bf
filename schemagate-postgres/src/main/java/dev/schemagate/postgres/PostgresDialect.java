package dev.schemagate.postgres;

import dev.schemagate.data.ConstraintProber;
import dev.schemagate.data.DataProbe;
import dev.schemagate.dialect.Capabilities;
import dev.schemagate.dialect.ChangeTracking;
import dev.schemagate.dialect.ConnectionSource;
import dev.schemagate.dialect.DatabaseError;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Profiling;
import dev.schemagate.dialect.Reach;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.dialect.Vocabulary;
import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.migration.Statement;
import dev.schemagate.migration.StatementSplitter;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.postgres.data.ConstraintProbes;
import dev.schemagate.postgres.data.PostgresDataProbe;
import dev.schemagate.postgres.ddl.PostgresSchemaWriter;
import dev.schemagate.postgres.introspect.ChangeTracker;
import dev.schemagate.postgres.introspect.PostgresIntrospector;
import dev.schemagate.postgres.observe.PostgresProfiling;
import dev.schemagate.postgres.plan.PostgresPlanner;
import dev.schemagate.postgres.server.EmbeddedPostgresServer;
import dev.schemagate.postgres.server.ExternalPostgresServer;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** PostgreSQL, the first dialect: its splitter, its servers and how to read its errors. */
public final class PostgresDialect implements Dialect {

    private final StatementSplitter splitter = new PostgresSplitter();
    private final DataProbe data = new PostgresDataProbe();

    @Override
    public String id() {
        return "postgres";
    }

    @Override
    public List<String> fileNameAliases() {
        return List.of("postgres", "postgresql", "pg");
    }

    @Override
    public List<String> vendorIds() {
        return List.of("postgresql");
    }

    /** DDL is transactional; a scratch database is cloned, exactly, with {@code CREATE DATABASE ... TEMPLATE}. */
    private static final Capabilities CAPABILITIES = new Capabilities(true, true,
            "a database on one server per run", "CREATE DATABASE ... TEMPLATE", Duration.ofMillis(60));

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    /** The majors the embedded binaries exist for ({@code --pg-version}). */
    @Override
    public List<String> serverVersions() {
        return List.of("13", "14", "15", "16", "17", "18");
    }

    @Override
    public boolean acceptsUrl(String url) {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The dialect Schemagate was first built for, used when nothing names another. */
    @Override
    public boolean fallback() {
        return true;
    }

    @Override
    public StatementSplitter splitter() {
        return splitter;
    }

    @Override
    public DatabaseServer start(ServerOptions options) {
        if (!options.external()) {
            return EmbeddedPostgresServer.start(options.version(), options.timeouts());
        }
        return options.shared() ? ExternalPostgresServer.open(options.url(), options.timeouts())
                : ExternalPostgresServer.attach(options.url(), options.timeouts());
    }

    @Override
    public void execute(Connection connection, Statement statement) throws SQLException {
        if (statement.kind() == Statement.Kind.COPY_FROM_STDIN) {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn(statement.sql(), new StringReader(statement.copyData()));
            } catch (java.io.IOException e) {
                throw new SQLException("COPY data could not be read: " + e.getMessage(), e);
            }
            return;
        }
        try (java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.execute(statement.sql());
        }
    }

    /** PostgreSQL tells what changed from the catalog rows' transaction ids; see {@link ChangeTracker}. */
    @Override
    public Optional<ChangeTracking> changeTracking() {
        return Optional.of(new ChangeTracker());
    }

    @Override
    public Snapshot snapshot(Connection connection, SnapshotOptions options) throws SQLException {
        return connection.getAutoCommit() ? PostgresIntrospector.snapshot(connection, options)
                : PostgresIntrospector.snapshotInOpenTransaction(connection, options);
    }

    @Override
    public Snapshot snapshot(Connection connection, ConnectionSource more, SnapshotOptions options)
            throws SQLException {
        return PostgresIntrospector.snapshot(connection, more, options);
    }

    @Override
    public MigrationPlan migrationPlan(Snapshot from, Snapshot to) {
        return PostgresPlanner.plan(from, to, false);
    }

    @Override
    public MigrationPlan migrationPlan(Snapshot from, Snapshot to, boolean columnOrder) {
        return PostgresPlanner.plan(from, to, columnOrder);
    }

    @Override
    public String schemaSql(Snapshot snapshot) {
        return PostgresSchemaWriter.render(snapshot);
    }

    @Override
    public String schemaSql(Snapshot snapshot, boolean extensionVersions) {
        return PostgresSchemaWriter.render(snapshot, extensionVersions);
    }

    @Override
    public Connection connectLive(String url) throws SQLException {
        return ExternalPostgresServer.connectTo(url);
    }

    /** PostgreSQL's words: an index left invalid by a failed concurrent build, a constraint added NOT VALID and validated later. */
    private static final Vocabulary WORDS = new Vocabulary(
            "a failed CREATE INDEX CONCURRENTLY leaves one behind", "NOT VALID",
            "ALTER TABLE ... VALIDATE CONSTRAINT %s", "PostgreSQL runs in one implicit transaction block",
            "postgres", "postgres", "public");

    @Override
    public Vocabulary vocabulary() {
        return WORDS;
    }

    @Override
    public Optional<Profiling> profiling() {
        return Optional.of(new PostgresProfiling());
    }

    @Override
    public DataProbe data() {
        return data;
    }

    @Override
    public Optional<ConstraintProber> prober() {
        return Optional.of(new ConstraintProbes());
    }

    @Override
    public Optional<Reach> reach(Statement statement) {
        return statement.kind() == Statement.Kind.META_COMMAND ? Optional.empty() : StatementReach.of(statement.sql());
    }

    @Override
    public DatabaseError describe(SQLException failure) {
        if (failure instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            return new DatabaseError(orEmpty(server.getSQLState()), orEmpty(server.getMessage()), orEmpty(server.getDetail()),
                    server.getHint() != null ? server.getHint() : timeoutHint(server), server.getPosition());
        }
        return new DatabaseError(orEmpty(failure.getSQLState()), orEmpty(failure.getMessage()), "", "", 0);
    }

    /** What to do when the run's own limits stopped the statement, for the limit that did. */
    private static String timeoutHint(ServerErrorMessage server) {
        String message = orEmpty(server.getMessage());
        if (message.contains("statement timeout")) {
            return "The statement ran longer than the run's statement timeout: make it faster, or raise the limit"
                    + " (--statement-timeout, or statementTimeout in Maven; 0 turns it off).";
        }
        if (message.contains("lock timeout")) {
            return "The statement waited longer than the run's lock timeout. Nothing but the run uses a scratch database,"
                    + " so the migration waits on itself: a second connection (dblink) or a session that holds the lock."
                    + " Raise the limit with --lock-timeout (lockTimeout in Maven) only if the wait is expected.";
        }
        return "";
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
