package dev.schemagate.cli;

import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.DialectChoice;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.dialect.SessionSettings;
import dev.schemagate.dialect.Timeouts;
import dev.schemagate.migration.Layout;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** The options every command that reads migrations or starts a database shares, defined once. */
public final class DatabaseOptions {

    @Option(names = "--layout", defaultValue = "auto", paramLabel = "LAYOUT",
            description = "auto, plain, golang-migrate, flyway, dbmate, goose, liquibase, diesel, sqlx, folder or custom (default: ${DEFAULT-VALUE}).")
    String layout;

    @Option(names = "--dialect", paramLabel = "DIALECT",
            description = "postgres, sqlite or mysql; with verify, several separated by commas run the history on each. When absent: the dialect of the --db-url, else the dialect: of "
                    + "schemagate.yml, else the folder's (a sqlite/ folder, files named x.sqlite3.up.sql), else postgres.")
    String dialect;

    @Option(names = "--pg-version", defaultValue = ServerOptions.DEFAULT_VERSION, paramLabel = "MAJOR",
            description = "Major version of the embedded PostgreSQL, 13 to 18 (default: ${DEFAULT-VALUE}); with verify, "
                    + "several separated by commas run the history on each.")
    String pgVersion;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "Use this existing server instead of the embedded one; Schemagate creates and drops "
                    + "scratch databases of its own there. Credentials may also come from PGUSER and PGPASSWORD.")
    String dbUrl;

    @Option(names = "--statement-timeout", defaultValue = Timeouts.DEFAULT_STATEMENT, paramLabel = "DURATION",
            description = "Longest a statement may run on a scratch database, such as 30s, 5min or 0 for no limit "
                    + "(default: ${DEFAULT-VALUE}); a statement that takes longer fails with its file and line.")
    String statementTimeout;

    @Option(names = "--lock-timeout", defaultValue = Timeouts.DEFAULT_LOCK, paramLabel = "DURATION",
            description = "Longest a statement may wait for a lock on a scratch database, where nothing but the run "
                    + "holds locks (default: ${DEFAULT-VALUE}); a longer wait fails with its file and line.")
    String lockTimeout;

    @Option(names = "--session", paramLabel = "NAME=VALUE",
            description = "A session setting made on every connection before migrations run, as the project's runner makes it"
                    + " (MySQL: foreign_key_checks=0); repeat for more (over schemagate.yml's session:).")
    List<String> session;

    /** The run's dialect, for a run on the migrations folder {@code directory} (null when it reads none). */
    Dialect dialect(Path directory, Path config) {
        return DialectChoice.resolve(dialect, directory, dbUrl, config).dialect();
    }

    /** The run's dialect, for a run that reads {@code sources}; see {@link DialectChoice#forSources}. */
    Dialect dialect(String... sources) {
        return DialectChoice.forSources(dialect, dbUrl, sources).dialect();
    }

    Layout layout() {
        return Layout.fromId(layout);
    }

    /**
     * How to get the server for a run on {@code dialect} whose config file is {@code config}: with the
     * {@code session:} settings of the file under {@code --session}, refused on a dialect that makes none.
     */
    ServerOptions server(Dialect dialect, Path config) {
        return server().forRun(dialect, config);
    }

    /** How to get the server for a run on {@code dialect} that reads {@code sources}; see {@link ServerOptions#forSources}. */
    ServerOptions server(Dialect dialect, String... sources) {
        return server().forSources(dialect, sources);
    }

    /** How to get the server, as the options alone say; the engine adds the config file's session settings. */
    ServerOptions server() {
        return new ServerOptions(pgVersion, dbUrl, new Timeouts(Timeouts.parse("--statement-timeout", statementTimeout),
                Timeouts.parse("--lock-timeout", lockTimeout))).withSession(SessionSettings.parse("--session", session));
    }
}
