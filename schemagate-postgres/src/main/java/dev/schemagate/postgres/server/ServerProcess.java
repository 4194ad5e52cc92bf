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
 * Runs the PostgreSQL programs of an installation on a private data folder: {@code initdb}, then
 * {@code postgres} itself as a child process, listening on 127.0.0.1 only, with no Unix socket,
 * and letting in only the superuser with a random password of this run ({@code scram-sha-256},
 * no {@code trust}), so that other local users, and servers a killed run left behind, cannot be
 * used by anyone else.
 *
 * <p>PostgreSQL refuses to run as root, so when this JVM is root the programs run through
 * {@code setpriv}: {@code initdb} as {@code nobody} (it needs a user name), then the server as a
 * user id of its own, picked at random for this run and owning the data folder, so that neither
 * other root runs' servers nor anything else running as {@code nobody} can read or signal it.
 */
final class ServerProcess {

    private static final int NOBODY = 65534;
    private static final int FIRST_RUN_UID = 2_000_000_000;
    private static final int RUN_UIDS = 100_000_000;
    private static final String USER = "postgres";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BinaryInstallation installation;
    private final int major;
    private final Path runDirectory;
    private final Path data;
    private final Path log;
    private final String password = newPassword();
    private final int serverUid = FIRST_RUN_UID + RANDOM.nextInt(RUN_UIDS);
    private Process postgres;

    ServerProcess(BinaryInstallation installation, int major, Path runDirectory) {
        this.installation = installation;
        this.major = major;
        this.runDirectory = runDirectory;
        this.data = runDirectory.resolve("data");
        this.log = runDirectory.resolve("postgres.log");
    }

    /** The superuser's password: random for each run, never printed, never written outside the run folder. */
    String password() {
        return password;
    }

    static String superuser() {
        return USER;
    }

    void initdb() {
        try {
            if (isRoot()) {
                handOver(runDirectory, NOBODY);
            }
            Path passwordFile = Files.createFile(runDirectory.resolve("password"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, password);
            if (isRoot()) {
                handOver(passwordFile, NOBODY);
            }
            List<String> command = new ArrayList<>(List.of(installation.bin("initdb").toString(), "-D", data.toString(),
                    "-U", USER, "-A", "scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C", "--no-sync"));
            if (major >= 16) {
                // the password is random and long, so the 4,096 rounds that slow down guessing a chosen one
                // would only make every connection dearer; PostgreSQL 16 lets them go
                command.addAll(List.of("-c", "scram_iterations=1"));
            }
            Process initdb = start(command, NOBODY);
            boolean done = initdb.waitFor(120, TimeUnit.SECONDS);
            Files.deleteIfExists(passwordFile);
            if (!done || initdb.exitValue() != 0) {
                initdb.destroyForcibly();
                throw new InfrastructureException("initdb failed: " + lastLines());
            }
            if (isRoot()) {
                handOverTree(runDirectory, serverUid);
            }
        } catch (IOException e) {
            throw new InfrastructureException("could not run initdb: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while running initdb", e);
        }
    }

    void start(int port) {
        try {
            postgres = start(List.of(installation.bin("postgres").toString(), "-D", data.toString(), "-p", String.valueOf(port),
                    "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                    "-c", "dynamic_shared_memory_type=mmap",
                    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                    "-c", "max_connections=200", "-c", "shared_buffers=128MB", "-c", "max_locks_per_transaction=256",
                    "-c", "log_min_messages=warning", "-c", "timezone=UTC"), serverUid);
        } catch (IOException e) {
            throw new InfrastructureException("could not start postgres: " + e.getMessage(), e);
        }
    }

    boolean alive() {
        return postgres != null && postgres.isAlive();
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
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())).trim();
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Starts a program, as {@code uid} when this JVM is root. */
    private Process start(List<String> command, int uid) throws IOException {
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

    private static void handOver(Path path, int uid) throws IOException {
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
    }

    /** Gives the run folder, with the data folder {@code initdb} made in it, to the server's own user id. */
    private static void handOverTree(Path root, int uid) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                handOver(path, uid);
            }
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean isRoot() {
        return PrivateFolders.currentUid() == 0;
    }
}
