package dev.schemagate.postgres.server;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One cluster made by {@code initdb} in the private cache ({@link ClusterCache}): its data folder,
 * the random password of its superuser (a file only the user reads), and a manifest of every
 * folder and file with its size, written last. A run copies the data folder into its own run
 * folder, checking each entry against the manifest on the way and the data folder to be closed to others, so a
 * cluster that lost or changed a file since is never started.
 */
final class PreparedCluster {

    static final String DATA = "data";
    private static final String PASSWORD = "password";
    private static final String MANIFEST = "manifest";
    private static final String FOLDER = "-";

    private final Path home;
    private final String password;

    private PreparedCluster(Path home, String password) {
        this.home = home;
        this.password = password;
    }

    /**
     * The cluster in {@code home} as it is now; its password, random for each making, tells it from
     * a cluster made anew there later.
     *
     * @throws Damaged when its password file is missing or others may read it
     */
    static PreparedCluster at(Path home) throws IOException {
        Path file = home.resolve(PASSWORD);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new Damaged(file + " is missing");
        }
        PrivateFolders.checkEntry(file);
        if ((PrivateFolders.mode(file) & 077) != 0) {
            throw new Damaged(file + " may be read by others");
        }
        return new PreparedCluster(home, Files.readString(file).trim());
    }

    /** Whether {@code home} still holds this very cluster. */
    boolean isAt(Path home) throws IOException {
        try {
            return at(home).password.equals(password);
        } catch (Damaged | NoSuchFileException gone) {
            return false;
        }
    }

    /** Whether the cluster's making finished: the manifest is its last step. */
    static boolean complete(Path home) {
        return Files.isRegularFile(home.resolve(MANIFEST), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Runs {@code initdb} into {@code scratch} (as {@code nobody} when this JVM is root, handing the
     * result back afterwards) and writes the password and the manifest beside the data folder.
     */
    static void make(Path scratch, BinaryInstallation installation, int major) throws IOException {
        Path password = Files.createFile(scratch.resolve(PASSWORD),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(password, ServerProcess.newPassword());
        Path log = scratch.resolve("initdb.log");
        int me = PrivateFolders.currentUid();
        if (ServerProcess.isRoot()) {
            ServerProcess.handOverTree(scratch, ServerProcess.NOBODY);
        }
        List<String> command = new ArrayList<>(List.of(installation.bin("initdb").toString(), "-D", scratch.resolve(DATA).toString(),
                "-U", ServerProcess.superuser(), "-A", "scram-sha-256", "--pwfile=" + password, "-E", "UTF8", "--locale=C", "--no-sync",
                // every run copies the cluster, its WAL included: initdb's 5 MB of it in 1 MB segments, not in one of 16 MB
                "--wal-segsize=1"));
        if (major >= 16) {
            // the password is random and long, so the 4,096 rounds that slow down guessing a chosen one
            // would only make every connection dearer; PostgreSQL 16 lets them go
            command.addAll(List.of("-c", "scram_iterations=1"));
        }
        try {
            Process initdb = ServerProcess.launch(command, ServerProcess.NOBODY, log);
            if (!initdb.waitFor(120, TimeUnit.SECONDS) || initdb.exitValue() != 0) {
                initdb.destroyForcibly();
                throw new IOException("initdb failed: " + ServerProcess.lastLines(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running initdb", e);
        }
        if (ServerProcess.isRoot()) {
            ServerProcess.handOverTree(scratch, me);
        }
        Files.delete(log);
        Files.write(scratch.resolve(MANIFEST), manifest(scratch.resolve(DATA)));
    }

    private static List<String> manifest(Path data) throws IOException {
        List<String> lines = new ArrayList<>();
        Files.walkFileTree(data, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                lines.add(FOLDER + " " + data.relativize(dir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                lines.add(attrs.size() + " " + data.relativize(file));
                return FileVisitResult.CONTINUE;
            }
        });
        return lines;
    }

    /** The superuser's password in the cluster as made; each run replaces it with its own at once. */
    String password() {
        return password;
    }

    /** The major version the data folder was made for ({@code PG_VERSION}). */
    int major() throws IOException {
        try {
            return Integer.parseInt(Files.readString(home.resolve(DATA).resolve("PG_VERSION")).trim());
        } catch (NumberFormatException e) {
            throw new Damaged("PG_VERSION of " + home + " holds no version");
        }
    }

    /**
     * Copies the data folder to {@code target} (which must not exist), handing every entry to
     * {@code owner} unless it is negative.
     *
     * @throws Damaged when an entry is missing, extra, of another size or a link
     */
    void copyTo(Path target, int owner) throws IOException {
        Path data = home.resolve(DATA);
        closedToOthers(data);
        Map<String, Long> expected = readManifest();
        Files.walkFileTree(data, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                expect(data.relativize(dir).toString(), -1, dir);
                copy(dir, target.resolve(data.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!attrs.isRegularFile()) {
                    throw new Damaged(file + " is not a plain file");
                }
                expect(data.relativize(file).toString(), attrs.size(), file);
                copy(file, target.resolve(data.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }

            private void expect(String name, long size, Path path) throws IOException {
                Long listed = expected.remove(name);
                if (listed == null || listed != size) {
                    throw new Damaged(path + (listed == null ? " is not in the manifest" : " changed size"));
                }
            }

            private void copy(Path from, Path to) throws IOException {
                Files.copy(from, to, LinkOption.NOFOLLOW_LINKS);
                if (owner >= 0) {
                    ServerProcess.handOver(to, owner);
                }
            }
        });
        if (!expected.isEmpty()) {
            throw new Damaged(home + " lost " + expected.size() + " of its files, such as " + expected.keySet().iterator().next());
        }
    }

    /**
     * Refuses a data folder that others may enter or that is not this user's: one that is closed
     * ({@code 0700}, as {@code initdb} makes it) keeps everything below it out of other users'
     * reach, so its entries need no check of their own on each copy.
     */
    private static void closedToOthers(Path data) throws IOException {
        if (!Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) {
            throw new Damaged(data + " is not a folder");
        }
        PrivateFolders.checkEntry(data);
        if ((PrivateFolders.mode(data) & 077) != 0) {
            throw new Damaged(data + " may be entered by others (mode " + String.format("%04o", PrivateFolders.mode(data)) + ")");
        }
    }

    private Map<String, Long> readManifest() throws IOException {
        Map<String, Long> entries = new HashMap<>();
        for (String line : Files.readAllLines(home.resolve(MANIFEST))) {
            int space = line.indexOf(' ');
            if (space < 1) {
                throw new Damaged("the manifest of " + home + " has a broken line");
            }
            String size = line.substring(0, space);
            try {
                entries.put(line.substring(space + 1), size.equals(FOLDER) ? -1 : Long.parseLong(size));
            } catch (NumberFormatException e) {
                throw new Damaged("the manifest of " + home + " has a broken line");
            }
        }
        return entries;
    }

    /** A prepared cluster that is not as it was made; the cache makes it anew. */
    static final class Damaged extends IOException {
        Damaged(String message) {
            super(message);
        }
    }
}
