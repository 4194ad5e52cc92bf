package dev.schemagate.postgres.server;

import dev.schemagate.bench.LaunchTime;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/**
 * Times, in a new JVM, each step an embedded PostgreSQL's start takes on the way to its first
 * connection, as {@link EmbeddedPostgresServer} takes them (the user's cache, a run folder of its
 * own, removed at the end): the wall time of each step and the CPU time this thread spent in it,
 * and how long after the process started the first connection was open. A bench program in the
 * server's package, since the steps are that package's own. Usage: {@code StartPhases [major version, default 17]}.
 */
public final class StartPhases {

    private static final long NANOS_PER_MS = 1_000_000;

    private long wall = System.nanoTime();
    private long cpu = threadCpu();

    private StartPhases() {
    }

    public static void main(String[] args) throws Exception {
        Instant processStart = LaunchTime.get();
        new StartPhases().run(args.length > 0 ? args[0] : "17", processStart);
    }

    private void run(String major, Instant processStart) throws Exception {
        System.out.printf("JVM start until main: %d ms%n", Duration.between(processStart, Instant.now()).toMillis());
        boolean traversable = ServerProcess.isRoot();
        PostgresBinaries binaries = PostgresBinaries.standard();
        String fullVersion = binaries.fullVersion(major);
        Path root = PrivateFolders.ensure(EmbeddedPostgresServer.workRoot(), traversable);
        Path runs = RunDirectories.root(root, System.getenv("SCHEMAGATE_CACHE") != null, traversable);
        step("versions and private folders");
        RunDirectories.roots(root).forEach(RunDirectories::sweepOrphans);
        step("sweeping killed runs' folders");
        BinaryInstallation installation = BinaryInstallation.of(fullVersion, PrivateFolders.ensure(root.resolve("binaries"), traversable), binaries);
        step("binaries (their stamp checked)");
        ClusterCache clusters = new ClusterCache(PrivateFolders.ensure(root.resolve("clusters"), traversable), fullVersion, installation);
        Path runDirectory = RunDirectories.create(runs);
        ServerProcess process = new ServerProcess(installation, runDirectory);
        step("run folder and process (random password and user id)");
        try {
            PreparedCluster cluster = process.populate(clusters);
            step("copying the prepared cluster");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            process.start(port);
            step("a free port, spawning postgres");
            while (!process.saysReady()) {
                Thread.sleep(1);
            }
            step("postgres until postmaster.pid says ready (polled every 1 ms)");
            Properties properties = new Properties();
            properties.setProperty("user", ServerProcess.superuser());
            properties.setProperty("password", cluster.password());
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
                 Statement statement = connection.createStatement()) {
                step("first connection (driver classes, SCRAM)");
                statement.execute("SELECT 1");
                step("first query");
            }
            System.out.printf("first query answered after the process started: %d ms%n",
                    Duration.between(processStart, Instant.now()).toMillis());
        } finally {
            process.stop();
            FileTree.delete(runDirectory);
        }
    }

    private void step(String name) {
        long nowWall = System.nanoTime();
        long nowCpu = threadCpu();
        System.out.printf("%-64s %4d ms wall, %4d ms CPU of this thread%n", name, (nowWall - wall) / NANOS_PER_MS, (nowCpu - cpu) / NANOS_PER_MS);
        wall = nowWall;
        cpu = nowCpu;
    }

    /** This thread's CPU time in ns, from the kernel's scheduler statistics (no management beans to load). */
    private static long threadCpu() {
        try {
            return Long.parseLong(Files.readString(Path.of("/proc/thread-self/schedstat")).split(" ")[0]);
        } catch (Exception e) {
            return 0;
        }
    }
}
