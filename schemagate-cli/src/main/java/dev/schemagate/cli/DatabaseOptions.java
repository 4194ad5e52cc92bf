package dev.schemagate.cli;

import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.dialect.Timeouts;
import dev.schemagate.migration.Layout;
import picocli.CommandLine.Option;

/** The options every command that reads migrations or starts a database shares, defined once. */
public final class DatabaseOptions {

    @Option(names = "--layout", defaultValue = "auto", paramLabel = "LAYOUT",
            description = "auto, plain, golang-migrate, flyway, dbmate, goose, liquibase, diesel, sqlx, folder or custom (default: ${DEFAULT-VALUE}).")
    String layout;

    @Option(names = "--pg-version", defaultValue = ServerOptions.DEFAULT_VERSION, paramLabel = "MAJOR",
            description = "Major version of the embedded PostgreSQL, 13 to 18 (default: ${DEFAULT-VALUE}).")
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

    Layout layout() {
        return Layout.fromId(layout);
    }

    ServerOptions server() {
        return new ServerOptions(pgVersion, dbUrl, new Timeouts(Timeouts.parse("--statement-timeout", statementTimeout),
                Timeouts.parse("--lock-timeout", lockTimeout)));
    }
}
