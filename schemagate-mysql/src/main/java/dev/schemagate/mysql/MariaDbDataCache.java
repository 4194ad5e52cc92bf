package dev.schemagate.mysql;

import dev.schemagate.dialect.InfrastructureException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB data folder made by {@code mariadb-install-db} once per version of the binaries, kept
 * in the user's private cache beside them ({@link MariaDbBinaries}) and copied into each run's
 * folder: installing one costs seconds of CPU, copying it a fraction of that. It is made under a
 * file lock into a scratch folder only this user may enter, which is renamed into place when
 * complete, so concurrent first runs make it once and a run killed half-way leaves only a scratch
 * folder, removed by the next making. It holds no account of any run: each run's account and
 * password are made by the server at start ({@code --init-file}), so a copy is as fresh as an install.
 */
final class MariaDbDataCache {

    /** Changes whenever the way the folder is made changes, so that older ones are never used. */
    private static final String FORMAT = "1";
    private static final String COMPLETE = ".complete";
    private static final String DATA = "data";

    /** The redo log's size, the same at install and at every start (a server started with another resizes the log). */
    static final String REDO_LOG = "16M";

    private MariaDbDataCache() {
    }

    /** The prepared data folder of the binaries in {@code binaries}, made first if needed. */
    static Path ensure(Path binaries) {
        Path home = binaries.resolveSibling(binaries.getFileName() + "-data-" + FORMAT);
        if (complete(home)) {
            MariaDbBinaries.owned(home);
            return home.resolve(DATA);
        }
        try {
            synchronized (MariaDbDataCache.class) {
                try (FileChannel lockFile = FileChannel.open(home.resolveSibling(home.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = lockFile.lock()) {
                    if (!complete(home)) {
                        removeScratches(home);
                        make(binaries, home);
                    }
                }
            }
        } catch (IOException e) {
            throw new InfrastructureException("could not prepare a MariaDB data folder in " + home.getParent() + ": "
                    + e.getMessage() + " (check free space and permissions, or set SCHEMAGATE_CACHE)", e);
        }
        MariaDbBinaries.owned(home);
        return home.resolve(DATA);
    }

    /** Copies the prepared data folder {@code prepared} into the empty folder {@code data}. */
    static void copy(Path prepared, Path data) throws IOException {
        Files.walkFileTree(prepared, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = data.resolve(prepared.relativize(dir).toString());
                if (!Files.isDirectory(target)) {
                    Files.createDirectory(target);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!attrs.isRegularFile()) {
                    throw new IOException(file + " is not a regular file: delete " + prepared.getParent() + "; the next run makes it anew");
                }
                Files.copy(file, data.resolve(prepared.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean complete(Path home) {
        return Files.isRegularFile(home.resolve(COMPLETE), LinkOption.NOFOLLOW_LINKS);
    }

    /** Installs into a scratch folder beside {@code home}, then renames it to {@code home}. */
    private static void make(Path binaries, Path home) throws IOException {
        Path scratch = Files.createTempDirectory(home.getParent(), home.getFileName() + ".",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            install(binaries, scratch);
            Files.createFile(scratch.resolve(COMPLETE));
            if (Files.exists(home, LinkOption.NOFOLLOW_LINKS)) {
                delete(home);
            }
            Files.move(scratch, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            delete(scratch);
            throw e;
        }
    }

    /**
     * Runs {@code mariadb-install-db} into {@code scratch/data}: the system tables, no test database,
     * and a redo log of {@link #REDO_LOG} (the default 96 MB would be most of every copy). The server
     * is never started on this folder.
     */
    private static void install(Path binaries, Path scratch) throws IOException {
        Path log = scratch.resolve("install.log");
        List<String> command = new ArrayList<>(List.of(binaries.resolve("scripts").resolve("mariadb-install-db").toString(),
                "--no-defaults", "--basedir=" + binaries, "--datadir=" + scratch.resolve(DATA), "--force",
                "--skip-name-resolve", "--skip-test-db", "--innodb-log-file-size=" + REDO_LOG));
        if (MariaDbBinaries.root()) {
            command.add("--user=root");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(binaries.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("LD_LIBRARY_PATH", binaries.resolve("libs").toString());
        Process process = builder.start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("mariadb-install-db did not finish within 5 minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running mariadb-install-db", e);
        }
        if (process.exitValue() != 0 || !Files.isDirectory(scratch.resolve(DATA).resolve("mysql"))) {
            List<String> lines = Files.readAllLines(log);
            throw new IOException("mariadb-install-db failed (exit " + process.exitValue() + "): "
                    + String.join(" / ", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
        }
        Files.delete(log);
    }

    /** Scratch folders of makings killed half way; the lock held says no other making is running. */
    private static void removeScratches(Path home) throws IOException {
        try (DirectoryStream<Path> scratches = Files.newDirectoryStream(home.getParent(), home.getFileName() + ".*")) {
            for (Path scratch : scratches) {
                if (Files.isDirectory(scratch, LinkOption.NOFOLLOW_LINKS)) {
                    delete(scratch);
                }
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
