package dev.schemagate.postgres.server;

import dev.schemagate.dialect.InfrastructureException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Clusters made by {@code initdb} once per PostgreSQL version (and layout of this class's making)
 * in the user's private cache, so that a run copies one (some 28 MB, a thousand files) instead of
 * running {@code initdb}, which takes most of a second. A cluster is made under a file lock into a
 * scratch folder that is renamed into place, so concurrent first runs make it once and a run killed
 * while making it leaves only a scratch folder, removed by the next making. A cluster found damaged
 * while copying is made anew.
 */
final class ClusterCache {

    /** Changes whenever the way clusters are made changes, so that older ones are never used. */
    private static final String FORMAT = "2";
    private static final int ATTEMPTS = 2;

    private final Path home;
    private final BinaryInstallation installation;
    private final int major;

    /** The cache of {@code fullVersion} clusters below {@code root}, a folder made by {@link PrivateFolders#ensure}. */
    ClusterCache(Path root, String fullVersion, BinaryInstallation installation) {
        this.home = root.resolve("pg-" + fullVersion + "-" + Platform.current() + "-" + FORMAT);
        this.installation = installation;
        this.major = Integer.parseInt(fullVersion.split("\\.")[0]);
    }

    Path home() {
        return home;
    }

    /**
     * Copies the cluster into {@code data} (which must not exist), making it first if needed, and
     * hands every entry to {@code owner} unless it is negative; returns the cluster copied.
     */
    PreparedCluster copyInto(Path data, int owner) {
        PreparedCluster cluster = null;
        for (int attempt = 1; ; attempt++) {
            try {
                cluster = ready();
                cluster.copyTo(data, owner);
                return cluster;
            } catch (PreparedCluster.Damaged | NoSuchFileException e) {
                // a file gone may also mean another run found the cluster damaged and replaced it meanwhile
                FileTree.delete(data);
                if (attempt == ATTEMPTS) {
                    throw new InfrastructureException("the prepared PostgreSQL cluster in " + home + " is damaged: "
                            + e.getMessage() + " (delete that folder; the next run makes it anew)", e);
                }
                discard(cluster);
            } catch (IOException e) {
                FileTree.delete(data);
                throw new InfrastructureException("could not copy the prepared PostgreSQL cluster " + home + ": " + e.getMessage()
                        + " (check free space and permissions, or set SCHEMAGATE_CACHE)", e);
            }
        }
    }

    /** The cluster, made first if it is missing, half made or of another version. */
    PreparedCluster ready() throws IOException {
        PreparedCluster found = usable();
        if (found != null) {
            return found;
        }
        underLock(() -> {
            if (usable() == null) {
                removeScratches();
                discardUnlocked();
                make();
            }
        });
        return PreparedCluster.at(home);
    }

    /** The cluster if it was made to the end for this major version, else null. */
    private PreparedCluster usable() throws IOException {
        if (!PreparedCluster.complete(home)) {
            return null;
        }
        try {
            PreparedCluster cluster = PreparedCluster.at(home);
            return cluster.major() == major ? cluster : null;
        } catch (PreparedCluster.Damaged | NoSuchFileException e) {
            return null;
        }
    }

    /** Removes the cluster, unless another run already made it anew, so the next {@link #ready} makes it anew. */
    void discard(PreparedCluster damaged) {
        try {
            underLock(() -> {
                if (damaged == null || damaged.isAt(home)) {
                    discardUnlocked();
                }
            });
        } catch (IOException e) {
            throw new InfrastructureException("could not remove the damaged cluster " + home + ": " + e.getMessage(), e);
        }
    }

    private void discardUnlocked() throws IOException {
        if (Files.exists(home, LinkOption.NOFOLLOW_LINKS)) {
            // renamed first, so that no run copies from a half-deleted folder
            Path doomed = Files.createTempDirectory(home.getParent(), home.getFileName() + ".");
            Files.move(home, doomed.resolve("old"), StandardCopyOption.ATOMIC_MOVE);
            FileTree.delete(doomed);
        }
    }

    private void make() throws IOException {
        Path scratch = Files.createTempDirectory(home.getParent(), home.getFileName() + ".");
        try {
            PreparedCluster.make(scratch, installation, major);
            Files.move(scratch, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            FileTree.delete(scratch);
            throw e;
        }
    }

    /** Scratch folders of makings killed half way; the lock held says no other making is running. */
    private void removeScratches() throws IOException {
        try (DirectoryStream<Path> scratches = Files.newDirectoryStream(home.getParent(), home.getFileName() + ".*")) {
            for (Path scratch : scratches) {
                if (Files.isDirectory(scratch, LinkOption.NOFOLLOW_LINKS)) {
                    FileTree.delete(scratch);
                }
            }
        }
    }

    /** Runs work holding this JVM's monitor and the cache's file lock, which other processes respect. */
    private void underLock(Work work) throws IOException {
        synchronized (ClusterCache.class) {
            try (FileChannel lockFile = FileChannel.open(home.resolveSibling(home.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                work.run();
            }
        }
    }

    /** File work done under the lock. */
    @FunctionalInterface
    private interface Work {
        void run() throws IOException;
    }
}
