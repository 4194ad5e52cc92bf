package dev.schemagate.postgres.server;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The private folders of running embedded servers, one per run, each named after the process
 * that owns it. A run killed too hard for its shutdown hook (SIGKILL, power loss) leaves its
 * folder and maybe its server behind; the next run of the same user and cache stops that server
 * (letting it release its shared memory) and removes the folder, with the server's dynamic shared
 * memory, which lives in the data folder ({@code dynamic_shared_memory_type=mmap}).
 */
final class RunDirectories {

    private static final String PREFIX = "run-";
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");
    private static final long MEMORY_ROOM = 2L << 30;

    private RunDirectories() {
    }

    /**
     * Where the run folders go. A throwaway cluster creates and deletes thousands of files (every
     * {@code CREATE DATABASE} copies some three hundred), which a disk file system makes several
     * times slower than memory; so unless the user chose a folder ({@code SCHEMAGATE_CACHE}), runs
     * live on {@code /dev/shm} when that is a tmpfs with room to spare, else beside the binaries.
     */
    static Path root(Path workRoot, boolean chosen, boolean traversable) {
        if (!chosen && inMemory(SHARED_MEMORY)) {
            PrivateFolders.ensure(memoryRoot(workRoot).getParent(), traversable);
            return PrivateFolders.ensure(memoryRoot(workRoot), traversable);
        }
        return PrivateFolders.ensure(workRoot.resolve("runs"), traversable);
    }

    /** Both places runs may live, for sweeping orphans (a place not made private by {@link #root} is skipped). */
    static List<Path> roots(Path workRoot) {
        return List.of(workRoot.resolve("runs"), memoryRoot(workRoot));
    }

    /** Whether a folder is in memory, so that files there cost no disk work. */
    static boolean inMemory(Path folder) {
        try {
            return Files.isDirectory(folder) && Files.isWritable(folder)
                    && Files.getFileStore(folder).type().equals("tmpfs")
                    && Files.getFileStore(folder).getUsableSpace() >= MEMORY_ROOM;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path memoryRoot(Path workRoot) {
        return SHARED_MEMORY.resolve(workRoot.getFileName()).resolve("runs");
    }

    /** A new folder for this process's server. */
    static Path create(Path root) throws IOException {
        Files.createDirectories(root);
        return Files.createTempDirectory(root, PREFIX + ProcessHandle.current().pid() + "-");
    }

    /** Stops the servers and removes the folders of runs whose process is gone. */
    static void sweepOrphans(Path root) {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS) || !ownedByMe(root)) {
            return;
        }
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path run : runs) {
                Optional<Long> owner = ownerPid(run);
                if (owner.isPresent() && ProcessHandle.of(owner.get()).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                postmasterPid(run.resolve("data")).flatMap(ProcessHandle::of)
                        .filter(RunDirectories::isPostgres).ifPresent(RunDirectories::stop);
                FileTree.delete(run);
            }
        } catch (IOException ignored) {
            // another run may be sweeping at the same time; what is left is swept next time
        }
    }

    /** Asks an orphaned server for an immediate shutdown, so it frees its memory, and kills it if it lingers. */
    private static void stop(ProcessHandle postmaster) {
        try {
            new ProcessBuilder("kill", "-QUIT", String.valueOf(postmaster.pid())).start().waitFor(5, TimeUnit.SECONDS);
            postmaster.onExit().get(5, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            postmaster.destroyForcibly();
        } catch (InterruptedException e) {
            postmaster.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static boolean ownedByMe(Path folder) {
        try {
            return (Integer) Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS) == PrivateFolders.currentUid();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/postgres")).orElse(false);
    }

    private static Optional<Long> ownerPid(Path run) {
        String name = run.getFileName().toString().substring(PREFIX.length());
        int dash = name.indexOf('-');
        try {
            return Optional.of(Long.parseLong(dash < 0 ? name : name.substring(0, dash)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Long> postmasterPid(Path dataDirectory) {
        try {
            String first = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim();
            return Optional.of(Long.parseLong(first));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
