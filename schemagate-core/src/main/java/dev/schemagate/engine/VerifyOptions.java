package dev.schemagate.engine;

import dev.schemagate.check.Severity;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.migration.Layout;

import java.nio.file.Path;

/**
 * Everything a verify run needs to know; the CLI, the JUnit extension and the Maven plugin each
 * fill one of these and hand it to the {@link Verifier}.
 *
 * @param directory the migrations folder
 * @param layout    the layout to read it as, or {@link Layout#AUTO}
 * @param dialect   the dialect id, such as {@code postgres}
 * @param server    which server to run on
 * @param failOn    the lowest severity that fails the run
 */
public record VerifyOptions(Path directory, Layout layout, String dialect, ServerOptions server, Severity failOn) {

    public static VerifyOptions of(Path directory) {
        return new VerifyOptions(directory, Layout.AUTO, "postgres", ServerOptions.embedded(ServerOptions.DEFAULT_VERSION),
                Severity.ERROR);
    }

    public VerifyOptions withLayout(Layout newLayout) {
        return new VerifyOptions(directory, newLayout, dialect, server, failOn);
    }

    public VerifyOptions withServer(ServerOptions newServer) {
        return new VerifyOptions(directory, layout, dialect, newServer, failOn);
    }
}
