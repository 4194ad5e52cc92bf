package dev.schemagate.postgres.server;

import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.LowPriority;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.Timeouts;
import dev.schemagate.postgres.introspect.DdlLog;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A private PostgreSQL server for one run: unpacked binaries in the user's private cache, a fresh
 * data folder (a copy of a cluster prepared once, {@link ClusterCache}), a free port on 127.0.0.1 that only this run's random password opens, durability
 * off (nothing here is worth keeping). Closing it, or the JVM ending, stops the server and removes
 * its folder; what a killed run leaves is swept by the next run of the same user and cache.
 */
public final class EmbeddedPostgresServer extends PostgresServer {

    private static final int START_ATTEMPTS = 3;
    private static final long READY_TIMEOUT_MS = 60_000;
    private static final long READY_POLL_MS = 2;
    private static final long CONNECT_RETRY_MS = 15;
    private static final String WRONG_PASSWORD = "28P01";

    private final String fullVersion;
    private final Path runDirectory;
    private final boolean fileCopy;
    private final ServerProcess process;
    private final Properties properties = new Properties();
    private final Thread shutdownHook = new Thread(this::shutdown, "schemagate-postgres-shutdown");
    private int port;
    private boolean closed;

    private EmbeddedPostgresServer(String fullVersion, Path runDirectory, ServerProcess process, Timeouts timeouts) {
        super(timeouts);
        this.fullVersion = fullVersion;
        this.runDirectory = runDirectory;
        this.fileCopy = major(fullVersion) >= 15 && RunDirectories.inMemory(runDirectory);
        this.process = process;
        properties.setProperty("user", ServerProcess.superuser());
        properties.setProperty("password", process.password());
    }

    /** Starts a server of that major version ({@code "17"}), unpacking its binaries on first use. */
    public static EmbeddedPostgresServer start(String major) {
        return start(major, Timeouts.DEFAULT);
    }

    /** Starts a server of that major version whose scratch databases' statements are bounded by the timeouts. */
    public static EmbeddedPostgresServer start(String major, Timeouts timeouts) {
        PostgresBinaries binaries = PostgresBinaries.standard();
        String fullVersion = binaries.fullVersion(major);
        // a root run hands its server to another user id, which must be able to pass through
        boolean traversable = ServerProcess.isRoot();
        Path root = PrivateFolders.ensure(workRoot(), traversable);
        Path runs = RunDirectories.root(root, configuredRoot() != null, traversable);
        RunDirectories.roots(root).forEach(RunDirectories::sweepOrphans);
        BinaryInstallation installation = BinaryInstallation.of(fullVersion,
                PrivateFolders.ensure(root.resolve("binaries"), traversable), binaries);
        ClusterCache clusters = new ClusterCache(PrivateFolders.ensure(root.resolve("clusters"), traversable), fullVersion, installation);
        return start(fullVersion, installation, clusters, runs, timeouts);
    }

    /** Starts a server of that version from a cluster of {@code clusters}, in a new run folder below {@code runs}. */
    static EmbeddedPostgresServer start(String fullVersion, BinaryInstallation installation, ClusterCache clusters, Path runs,
                                        Timeouts timeouts) {
        Path runDirectory;
        try {
            runDirectory = RunDirectories.create(runs);
        } catch (IOException e) {
            throw new InfrastructureException("could not create a folder for PostgreSQL under " + runs + ": " + e.getMessage(), e);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(fullVersion, runDirectory,
                new ServerProcess(installation, runDirectory), timeouts);
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        try {
            server.boot(clusters);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static int major(String fullVersion) {
        return Integer.parseInt(fullVersion.split("\\.")[0]);
    }

    /**
     * Where binaries live, and run folders when not in memory ({@link RunDirectories#root}):
     * {@code SCHEMAGATE_CACHE}, else a per-user folder in {@code $TMPDIR} (else {@code /tmp}).
     */
    static Path workRoot() {
        String configured = configuredRoot();
        if (configured != null) {
            return Path.of(configured);
        }
        String tmp = environment("TMPDIR");
        return Path.of(tmp != null ? tmp : System.getProperty("java.io.tmpdir"), "schemagate-" + System.getProperty("user.name"));
    }

    private static String configuredRoot() {
        return environment("SCHEMAGATE_CACHE");
    }

    private static String environment(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * Copies a prepared cluster and starts the server on it; the first connection, made with the
     * cluster's password, replaces that password with this run's own before anything else connects.
     */
    private void boot(ClusterCache clusters) {
        properties.setProperty("password", process.populate(clusters).password());
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            spawn();
            if (awaitReady()) {
                installLog();
                return;
            }
            process.stop();
            if (attempt == START_ATTEMPTS) {
                throw new InfrastructureException("embedded PostgreSQL " + fullVersion + " did not start: " + process.lastLines());
            }
        }
    }

    /**
     * Starts the postgres process unless the server was closed meanwhile: a server starting on a
     * thread of its own may be closed by the JVM's end before it spawns anything, and must then
     * spawn nothing, as nobody would stop it.
     */
    private synchronized void spawn() {
        if (closed) {
            throw new InfrastructureException("embedded PostgreSQL " + fullVersion + " was stopped before it started");
        }
        process.start(port);
    }

    private boolean awaitReady() {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.alive()) {
                return false;
            }
            try (Connection first = connect(maintenanceDatabase()); Statement statement = first.createStatement()) {
                statement.execute("SET password_encryption = 'scram-sha-256'");
                statement.execute("ALTER ROLE " + ServerProcess.superuser() + " PASSWORD '" + process.password() + "'");
                properties.setProperty("password", process.password());
                return true;
            } catch (SQLException notYet) {
                if (WRONG_PASSWORD.equals(notYet.getSQLState())) {
                    throw new InfrastructureException("the password of the prepared cluster does not open it: "
                            + notYet.getMessage() + " (delete the clusters folder in the cache; the next run makes it anew)", notYet);
                }
                awaitStatus();
            }
        }
        return false;
    }

    /** {@inheritDoc} The server is this run's own: the connection's backend process is lowered. */
    @Override
    void lowerPriority(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet backend = statement.executeQuery("SELECT pg_backend_pid()")) {
            backend.next();
            LowPriority.ofProcess(backend.getLong(1));
        }
    }

    /** Installs the log of DDL statements in {@code template1}, which every scratch database copies. */
    private void installLog() {
        try (Connection template = connect("template1")) {
            DdlLog.install(template);
        } catch (SQLException e) {
            throw new InfrastructureException("embedded PostgreSQL " + fullVersion + " could not install its log of DDL"
                    + " statements in template1: " + e.getMessage() + " (try another --pg-version, or --db-url)", e);
        }
    }

    /**
     * Waits after a refused connection, at most as long as before the next attempt, until the
     * server says it is ready: the first attempt, made at once, loads the driver while the server
     * starts, and the next one follows the server's readiness within milliseconds.
     */
    private void awaitStatus() {
        if (process.saysReady()) {
            sleep(CONNECT_RETRY_MS);
            return;
        }
        long until = System.nanoTime() + CONNECT_RETRY_MS * 1_000_000;
        while (System.nanoTime() < until && process.alive() && !process.saysReady()) {
            sleep(READY_POLL_MS);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while PostgreSQL was starting", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new InfrastructureException("no free TCP port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    Path runDirectory() {
        return runDirectory;
    }

    @Override
    String urlOf(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * A scratch database that logs its DDL statements ({@link DdlLog}): a copy of {@code template1},
     * where the server's start installed the log, so readings of what a transaction changed cost what
     * its statements did, whatever the size of the schema. Its clones have the log too.
     */
    @Override
    public ScratchDatabase createDatabase() {
        return create("TEMPLATE template1");
    }

    /**
     * In memory, copying a template's files (two cheap checkpoints around a plain file copy) beats
     * the default of PostgreSQL 15 and later, which writes every block of the copy to the WAL.
     */
    @Override
    String createOptions() {
        return fileCopy ? " STRATEGY FILE_COPY" : "";
    }

    @Override
    String maintenanceDatabase() {
        return "postgres";
    }

    @Override
    Properties properties() {
        return properties;
    }

    @Override
    public String description() {
        return "embedded PostgreSQL " + fullVersion;
    }

    @Override
    public synchronized void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook itself is running this
        }
        shutdown();
    }

    private synchronized void shutdown() {
        if (closed) {
            return;
        }
        closed = true;
        process.stop();
        FileTree.delete(runDirectory);
    }
}
