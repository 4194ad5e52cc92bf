package dev.schemagate.dialect;

/**
 * A server whose start begins before a command has read its command line, offered to the first
 * {@link StartingServer#begin} on the same thread that asks for a server of the same dialect and
 * options: modelling a command line takes long enough that a server can be well on its way
 * meanwhile. An offer not taken (the command needed another server, or none, or stopped on a
 * mistake) is stopped when closed, after its start has ended, so that nothing it started outlives
 * the command.
 */
public final class EarlyServer implements AutoCloseable {

    private static final ThreadLocal<EarlyServer> OFFERED = new ThreadLocal<>();

    private final String dialect;
    private final ServerOptions options;
    private final StartingServer server;
    private volatile boolean taken;

    private EarlyServer(String dialect, ServerOptions options, StartingServer server) {
        this.dialect = dialect;
        this.options = options;
        this.server = server;
    }

    /** Begins the start of the server {@code options} describe and offers it to this thread's next command. */
    public static EarlyServer offer(Dialect dialect, ServerOptions options) {
        EarlyServer early = new EarlyServer(dialect.id(), options, StartingServer.start(dialect, options));
        OFFERED.set(early);
        return early;
    }

    /** The server offered to this thread, when it is the one asked for; null otherwise. It is then no longer offered. */
    static DatabaseServer take(Dialect dialect, ServerOptions options) {
        EarlyServer early = OFFERED.get();
        if (early == null || !early.dialect.equals(dialect.id()) || !early.options.equals(options)) {
            return null;
        }
        OFFERED.remove();
        early.taken = true;
        return early.server;
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
