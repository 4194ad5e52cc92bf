package dev.schemagate.dialect;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A server started on a thread of its own, so that a command reads and splits its migrations while
 * the server (for an embedded one: copying its cluster, PostgreSQL starting) gets ready; every use
 * waits for the start, and a failed start surfaces at the first use. Closing it closes the server,
 * without waiting for one still starting; a start that failed while the command stopped for another
 * reason is not reported.
 */
public final class StartingServer implements DatabaseServer {

    private final CompletableFuture<DatabaseServer> start;

    private StartingServer(CompletableFuture<DatabaseServer> start) {
        this.start = start;
    }

    /** Starts the server the options describe, in the background. */
    public static DatabaseServer begin(Dialect dialect, ServerOptions options) {
        CompletableFuture<DatabaseServer> start = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                start.complete(dialect.start(options));
            } catch (Throwable e) {
                start.completeExceptionally(e);
            }
        }, "schemagate-server-start");
        thread.setDaemon(true);
        thread.start();
        return new StartingServer(start);
    }

    private DatabaseServer server() {
        try {
            return start.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public String description() {
        return server().description();
    }

    @Override
    public String version() {
        return server().version();
    }

    @Override
    public ScratchDatabase createDatabase() {
        return server().createDatabase();
    }

    @Override
    public ScratchDatabase cloneDatabase(ScratchDatabase template) {
        return server().cloneDatabase(template);
    }

    /**
     * Closes the server. One still starting (the command stopped before it needed it, on a mistake
     * in its input) is closed by its own thread once started, so that the mistake is reported at
     * once; should the JVM end first, the server's own shutdown handling stops it.
     */
    @Override
    public void close() {
        if (!start.isDone()) {
            start.thenAccept(DatabaseServer::close);
            return;
        }
        DatabaseServer started;
        try {
            started = server();
        } catch (RuntimeException failedToStart) {
            return;
        }
        started.close();
    }
}
