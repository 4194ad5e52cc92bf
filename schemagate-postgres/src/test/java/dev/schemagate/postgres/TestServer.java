package dev.schemagate.postgres;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.postgres.server.EmbeddedPostgresServer;

/**
 * One embedded PostgreSQL per test JVM, started on first use and stopped when the JVM ends;
 * tests isolate themselves with scratch databases (created or cloned from templates).
 */
public final class TestServer {

    private TestServer() {
    }

    public static DatabaseServer shared() {
        return Holder.SERVER;
    }

    private static final class Holder {
        private static final DatabaseServer SERVER = EmbeddedPostgresServer.start("17");
    }
}
