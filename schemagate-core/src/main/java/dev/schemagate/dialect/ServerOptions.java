package dev.schemagate.dialect;

/**
 * How to get a database server.
 *
 * @param version the major version of the embedded server to start, such as {@code "17"};
 *                ignored when {@code url} is set
 * @param url     a JDBC URL of an existing server to use instead, or null for an embedded one;
 *                Schemagate then creates its own scratch databases there and drops them after
 * @param timeouts how long a statement on a scratch database may run, and wait for a lock
 */
public record ServerOptions(String version, String url, Timeouts timeouts) {

    public static final String DEFAULT_VERSION = "17";

    public ServerOptions(String version, String url) {
        this(version, url, Timeouts.DEFAULT);
    }

    public static ServerOptions embedded(String version) {
        return new ServerOptions(version, null);
    }

    public boolean external() {
        return url != null;
    }
}
