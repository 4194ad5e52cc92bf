package dev.schemagate.sqlite;

import dev.schemagate.sqlite.plan.SqliteDdl;
import dev.schemagate.sqlite.plan.SqlitePlanner;

import dev.schemagate.data.DataProbe;
import dev.schemagate.dialect.Capabilities;
import dev.schemagate.dialect.DatabaseError;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Vocabulary;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.dialect.Timeouts;
import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.Statement;
import dev.schemagate.migration.StatementSplitter;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite, embedded through sqlite-jdbc: the database engine runs inside the JVM, a scratch
 * database is a file in the run's private folder and a clone is a copy of that file. DDL is
 * transactional, so most migrations are tried in a transaction that is rolled back.
 */
public final class SqliteDialect implements Dialect {

    private static final Capabilities CAPABILITIES = new Capabilities(true, true,
            "a file in the run's private folder", "a file copy", Duration.ofMillis(30));

    /** sqlite-jdbc's message: {@code [SQLITE_ERROR] SQL error or missing database (no such table: t)}. */
    private static final Pattern MESSAGE = Pattern.compile("(?s)^\\[\\w+]\\s.*?\\((.*)\\)\\s*$");

    private static final Path SCRIPT = Path.of("script.sql");

    private final StatementSplitter splitter = new SqliteSplitter();
    private final DataProbe data = new SqliteDataProbe();

    @Override
    public String id() {
        return "sqlite";
    }

    @Override
    public List<String> fileNameAliases() {
        return List.of("sqlite", "sqlite3");
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public boolean acceptsUrl(String url) {
        return url.startsWith("jdbc:sqlite:");
    }

    @Override
    public StatementSplitter splitter() {
        return splitter;
    }

    /** Scratch databases are always private files; a {@code --db-url} only names the dialect. */
    @Override
    public DatabaseServer start(ServerOptions options) {
        return SqliteServer.start(options.timeouts(), options.functions());
    }

    @Override
    public boolean definesRunnerFunctions() {
        return true;
    }

    @Override
    public void execute(Connection connection, Statement statement) throws SQLException {
        try (java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.execute(statement.sql());
        }
    }

    /** sqlite-jdbc runs only the first statement of a text it is given, so a script runs statement by statement. */
    @Override
    public void executeScript(Connection connection, String sql) throws SQLException {
        for (Statement statement : splitter.split(Script.of(SCRIPT, sql))) {
            execute(connection, statement);
        }
    }

    @Override
    public Snapshot snapshot(Connection connection, SnapshotOptions options) throws SQLException {
        return SqliteIntrospector.snapshot(connection);
    }

    /** What ALTER TABLE can do in place, the rest with SQLite's table-rebuild procedure (see {@link SqlitePlanner}). */
    @Override
    public MigrationPlan migrationPlan(Snapshot from, Snapshot to) {
        return SqlitePlanner.plan(from, to);
    }

    @Override
    public String schemaSql(Snapshot snapshot) {
        return SqliteDdl.schemaSql(snapshot);
    }

    @Override
    public Connection connectLive(String url) throws SQLException {
        return SqliteConnections.open(url, Timeouts.DEFAULT, true);
    }

    @Override
    public DataProbe data() {
        return data;
    }

    @Override
    public DatabaseError describe(SQLException failure) {
        return error(failure);
    }

    /** What SQLite said, without the driver's wrapping; the result code stands for the SQLSTATE SQLite has not. */
    static DatabaseError error(SQLException failure) {
        String code = failure instanceof SQLiteException sqlite ? sqlite.getResultCode().name() : "SQLITE_ERROR";
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        Matcher m = MESSAGE.matcher(message);
        String said = m.matches() ? m.group(1) : message;
        Matcher function = NO_SUCH_FUNCTION.matcher(said);
        String hint = !function.find() ? ""
                : "SQLite has no function " + function.group(1) + " of its own. If the application registers it on its"
                + " connections (sqlite3_create_function, or its driver's equivalent), declare what it does in schemagate.yml"
                + " (functions: " + function.group(1) + ": base64, unbase64, hex or unhex); otherwise write the"
                + " statement in SQL that SQLite has.";
        return new DatabaseError(code, said, "", hint, 0);
    }

    /** SQLite's message for a function it does not know, which an application may define on its own connections. */
    private static final Pattern NO_SUCH_FUNCTION = Pattern.compile("^no such function: (\\S+)");

    /** SQLite's words: no users, {@code main} for the database a connection opens and its schema, neutral terms otherwise. */
    private static final Vocabulary WORDS = new Vocabulary("", "not validated", "",
            "are tried here in one transaction", "", "main", "main");

    @Override
    public Vocabulary vocabulary() {
        return WORDS;
    }
}
