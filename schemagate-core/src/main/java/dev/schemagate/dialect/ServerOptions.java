package dev.schemagate.dialect;

/**
 * How to get a database server.
 *
 * @param version  the major version of the embedded server to start, such as {@code "17"};
 *                 ignored when {@code url} is set
 * @param url      a JDBC URL of an existing server to use instead, or null for an embedded one;
 *                 Schemagate then creates its own scratch databases there and drops them after
 * @param timeouts how long a statement on a scratch database may run, and wait for a lock
 * @param shared   whether other people use the server behind {@code url}, so that a run may change
 *                 nothing there but its scratch databases; false for an embedded server, or one this
 *                 process started and reaches by URL
 * @param session  the settings made on every connection to a scratch database before it runs
 *                 anything, for dialects that {@linkplain Dialect#runsSessionSettings() run them}
 */
public record ServerOptions(String version, String url, Timeouts timeouts, boolean shared, SessionSettings session) {

    public static final String DEFAULT_VERSION = "17";

    public ServerOptions(String version, String url) {
        this(version, url, Timeouts.DEFAULT);
    }

    public ServerOptions(String version, String url, Timeouts timeouts) {
        this(version, url, timeouts, url != null);
    }

    public ServerOptions(String version, String url, Timeouts timeouts, boolean shared) {
        this(version, url, timeouts, shared, SessionSettings.NONE);
    }

    public ServerOptions withSession(SessionSettings newSession) {
        return new ServerOptions(version, url, timeouts, shared, newSession);
    }

    public static ServerOptions embedded(String version) {
        return new ServerOptions(version, null);
    }

    /** An embedded server this process started, reached by its URL: private, like one started for the run. */
    public static ServerOptions privateServer(String version, String url) {
        return new ServerOptions(version, url, Timeouts.DEFAULT, false);
    }

    public boolean external() {
        return url != null;
    }
}
