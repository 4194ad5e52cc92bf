package dev.schemagate.postgres.server;

import dev.schemagate.dialect.InfrastructureException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the PostgreSQL programs of an installation on a private data folder: {@code initdb}, then
 * {@code postgres} itself as a child process. PostgreSQL refuses to run as root, so when this JVM
 * is root the programs run as {@code nobody} through {@code setpriv}, which owns the data folder.
 */
final class ServerProcess {

    private static final long NOBODY = 65534;
    private static final String USER = "postgres";

    private final BinaryInstallation installation;
    private final Path runDirectory;
    private final Path data;
    private final Path log;
    private Process postgres;

    ServerProcess(BinaryInstallation installation, Path runDirectory) {
        this.installation = installation;
        this.runDirectory = runDirectory;
        this.data = runDirectory.resolve("data");
        this.log = runDirectory.resolve("postgres.log");
    }

    static String superuser() {
        return USER;
    }

    void initdb() {
        try {
            if (isRoot()) {
                handOverToNobody(runDirectory);
            }
            Process initdb = start(List.of(installation.bin("initdb").toString(), "-D", data.toString(), "-U", USER,
                    "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"));
            if (!initdb.waitFor(120, TimeUnit.SECONDS) || initdb.exitValue() != 0) {
                initdb.destroyForcibly();
                throw new InfrastructureException("initdb failed: " + lastLines());
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
                    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                    "-c", "max_connections=200", "-c", "shared_buffers=128MB", "-c", "max_locks_per_transaction=256",
                    "-c", "log_min_messages=warning", "-c", "timezone=UTC"));
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

    private Process start(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("LC_") || name.equals("LANG"));
        builder.environment().put("LC_ALL", "C");
        return builder.start();
    }

    private void handOverToNobody(Path folder) throws IOException {
        UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(folder, users.lookupPrincipalByName(String.valueOf(NOBODY)));
        Files.setAttribute(folder, "unix:gid", (int) NOBODY);
        Path logFile = Files.createFile(log);
        Files.setOwner(logFile, users.lookupPrincipalByName(String.valueOf(NOBODY)));
    }

    static boolean isRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
