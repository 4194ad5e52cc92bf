package dev.schemagate.liquibase;

import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.postgres.TestServer;

/** The test suite's one embedded PostgreSQL, as the server options of a verify run. */
final class SharedServer {

    private SharedServer() {
    }

    static ServerOptions options() {
        try (ScratchDatabase probe = TestServer.shared().createDatabase()) {
            String url = probe.jdbcUrl();
            return new ServerOptions(ServerOptions.DEFAULT_VERSION,
                    url.substring(0, url.lastIndexOf('/')) + "/postgres?user=" + probe.username() + "&password=" + probe.password());
        }
    }
}
