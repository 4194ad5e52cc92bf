package dev.schemagate.cli;

import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.postgres.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the bundled examples are, and the shared server's URL for {@code --db-url}. */
final class Examples {

    private Examples() {
    }

    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("examples/shop"))) {
                return dir.resolve("examples");
            }
        }
        throw new IllegalStateException("examples/ not found above " + here);
    }

    static String example(String name) {
        return root().resolve(name).toString();
    }

    /** A JDBC URL of the test JVM's one embedded server, as a user would pass it to --db-url. */
    static String sharedServerUrl() {
        try (ScratchDatabase probe = TestServer.shared().createDatabase()) {
            String url = probe.jdbcUrl();
            return url.substring(0, url.lastIndexOf('/')) + "/postgres?user=" + probe.username() + "&password=" + probe.password();
        }
    }
}
