package dev.schemagate.cli;

import dev.schemagate.dialect.ServerOptions;
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

    Layout layout() {
        return Layout.fromId(layout);
    }

    ServerOptions server() {
        return new ServerOptions(pgVersion, dbUrl);
    }
}
