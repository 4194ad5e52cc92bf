package dev.schemagate.mysql;

import dev.schemagate.dialect.Timeouts;

/**
 * One embedded MariaDB per test JVM, started on first use and stopped when the JVM ends; tests
 * isolate themselves with scratch databases of their own, as the PostgreSQL tests do.
 */
final class MysqlTestServer {

    private MysqlTestServer() {
    }

    static EmbeddedMariaDb shared() {
        return Holder.SERVER;
    }

    private static final class Holder {
        private static final EmbeddedMariaDb SERVER = EmbeddedMariaDb.start(Timeouts.DEFAULT);

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(SERVER::close, "schemagate-test-mariadb-stop"));
        }
    }
}
