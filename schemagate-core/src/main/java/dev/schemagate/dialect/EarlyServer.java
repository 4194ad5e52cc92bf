package dev.schemagate.dialect;

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
    private final Plan plan;
    private final StartingServer server;
    private volatile boolean taken;

    private EarlyServer(String dialect, Plan plan, StartingServer server) {
        this.dialect = dialect;
        this.plan = plan;
        this.server = server;
    }

    /** What to start: made on the start's thread, and the options again on the command's when it asks. */
    public interface Plan {

        Dialect dialect();

        ServerOptions options();
    }

    /**
     * Begins, on a thread of its own, the start of the server {@code plan} describes, of the dialect
     * whose id is {@code dialect}, and offers it to this thread's next command.
     */
    public static EarlyServer offer(String dialect, Plan plan) {
        EarlyServer early = new EarlyServer(dialect, plan, StartingServer.start(plan));
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
            return plan.options().equals(asked);
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
