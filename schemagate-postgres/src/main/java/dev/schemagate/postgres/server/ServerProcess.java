package dev.schemagate.postgres.server;

import dev.schemagate.dialect.InfrastructureException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs PostgreSQL on a private data folder, a copy of a cluster {@code initdb} prepared once: the
 * {@code postgres} program as a child process, listening on 127.0.0.1 only, with no Unix socket,
 * and letting in only the superuser with a random password of this run ({@code scram-sha-256},
 * no {@code trust}), so that other local users, and servers a killed run left behind, cannot be
 * used by anyone else.
 *
 * <p>PostgreSQL refuses to run as root, so when this JVM is root the programs run through
 * {@code setpriv}: {@code initdb} as {@code nobody} (it needs a user name), the server as a user
 * id of its own, picked at random for this run and owning the data folder, so that neither
 * other root runs' servers nor anything else running as {@code nobody} can read or signal it.
 */
final class ServerProcess {

    static final int NOBODY = 65534;
    private static final int FIRST_RUN_UID = 2_000_000_000;
    private static final int RUN_UIDS = 100_000_000;
    private static final String USER = "postgres";
    /** The line of {@code postmaster.pid} that holds the server's status (counted from 0). */
    private static final int STATUS_LINE = 7;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BinaryInstallation installation;
    private final Path runDirectory;
    private final Path data;
    private final Path log;
    private final String password = newPassword();
    private final int serverUid = FIRST_RUN_UID + RANDOM.nextInt(RUN_UIDS);
    private Process postgres;

    ServerProcess(BinaryInstallation installation, Path runDirectory) {
        this.installation = installation;
        this.runDirectory = runDirectory;
        this.data = runDirectory.resolve("data");
        this.log = runDirectory.resolve("postgres.log");
    }

    /** The superuser's password: random for each run, never printed, never written to a file. */
    String password() {
        return password;
    }

    static String superuser() {
        return USER;
    }

    /**
     * Fills the run folder with a copy of the user's prepared cluster of this version (made once by
     * {@code initdb}), handed to the server's own user id when this JVM is root; the cluster's
     * password opens the server until {@link EmbeddedPostgresServer} replaces it with this run's.
     */
    PreparedCluster populate(ClusterCache clusters) {
        if (isRoot()) {
            try {
                handOver(runDirectory, serverUid);
            } catch (IOException e) {
                throw new InfrastructureException("could not hand " + runDirectory + " to the server's user id: " + e.getMessage(), e);
            }
        }
        return clusters.copyInto(data, isRoot() ? serverUid : -1);
    }

    void start(int port) {
        try {
            postgres = launch(List.of(installation.bin("postgres").toString(), "-D", data.toString(), "-p", String.valueOf(port),
                    "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                    "-c", "dynamic_shared_memory_type=mmap",
                    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                    "-c", "max_connections=200", "-c", "shared_buffers=128MB", "-c", "max_locks_per_transaction=256",
                    "-c", "log_min_messages=warning", "-c", "timezone=UTC"), serverUid, log);
        } catch (IOException e) {
            throw new InfrastructureException("could not start postgres: " + e.getMessage(), e);
        }
    }

    boolean alive() {
        return postgres != null && postgres.isAlive();
    }

    /**
     * Whether the server says it accepts connections: the status line of its {@code postmaster.pid}
     * reads {@code ready} (as {@code pg_ctl} waits for it), which costs a file read where a refused
     * connection attempt costs a socket and the driver's exception.
     */
    boolean saysReady() {
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
            return lines.size() > STATUS_LINE && lines.get(STATUS_LINE).trim().equals("ready");
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the server at once: its data is thrown away, so nothing needs flushing. */
    void stop() {
        if (postgres == null) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-QUIT", String.valueOf(postgres.pid())).start().waitFor(5, TimeUnit.SECONDS);
            if (!postgres.waitFor(10, TimeUnit.SECONDS)) {
                postgres.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            postgres.destroyForcibly();
        } catch (InterruptedException e) {
            postgres.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines the server or initdb wrote, for error messages. */
    String lastLines() {
        return lastLines(log);
    }

    static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())).trim();
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Starts a program, as {@code uid} when this JVM is root, its output appended to {@code log}. */
    static Process launch(List<String> command, int uid, Path log) throws IOException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("LC_") || name.equals("LANG"));
        builder.environment().put("LC_ALL", "C");
        return builder.start();
    }

    static void handOver(Path path, int uid) throws IOException {
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
    }

    /** Gives a folder and everything in it to a user id. */
    static void handOverTree(Path root, int uid) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                handOver(path, uid);
            }
        }
    }

    static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean isRoot() {
        return PrivateFolders.currentUid() == 0;
    }
}
