package dev.schemagate.dialect;

import java.util.function.Supplier;

/**
 * A server whose start begins before a command has read its command line, offered to the first
 * {@link StartingServer#begin} on the same thread that asks for a server of the same dialect and
 * options: modelling a command line takes long enough that a server can be well on its way
 * meanwhile. The offering thread only names the dialect; the dialect and the options are made on
 * the start's own thread (at the offer, the classes they need are not loaded yet), and the options
 * again when a command asks, to compare them. An offer not taken (the command needed another
 * server, or none, or stopped on a mistake) is stopped when closed, after its start has ended, so
 * that nothing it started outlives the command.
 */
public final class EarlyServer implements AutoCloseable {

    private static final ThreadLocal<EarlyServer> OFFERED = new ThreadLocal<>();

    private final String dialect;
    private final Supplier<ServerOptions> options;
    private final StartingServer server;
    private volatile boolean taken;

    private EarlyServer(String dialect, Supplier<ServerOptions> options, StartingServer server) {
        this.dialect = dialect;
        this.options = options;
        this.server = server;
    }

    /**
     * Begins, on a thread of its own, the start of the server that the dialect {@code dialects} makes
     * (whose id is {@code dialect}) starts with {@code options}, and offers it to this thread's next command.
     */
    public static EarlyServer offer(String dialect, Supplier<Dialect> dialects, Supplier<ServerOptions> options) {
        EarlyServer early = new EarlyServer(dialect, options, StartingServer.start(() -> dialects.get().start(options.get())));
        OFFERED.set(early);
        return early;
    }

    /** The server offered to this thread, when it is the one asked for; null otherwise. It is then no longer offered. */
    static DatabaseServer take(Dialect dialect, ServerOptions options) {
        EarlyServer early = OFFERED.get();
        if (early == null || !early.dialect.equals(dialect.id()) || !early.offers(options)) {
            return null;
        }
        OFFERED.remove();
        early.taken = true;
        return early.server;
    }

    private boolean offers(ServerOptions asked) {
        try {
            return options.get().equals(asked);
        } catch (RuntimeException unusable) {
            return false;
        }
    }

    /** Whether a command took the server (and so closes it itself). */
    public boolean taken() {
        return taken;
    }

    /** Withdraws the offer; a server nobody took is stopped once its start has ended. */
    @Override
    public void close() {
        if (OFFERED.get() == this) {
            OFFERED.remove();
        }
        if (!taken) {
            server.awaitAndClose();
        }
    }
}
