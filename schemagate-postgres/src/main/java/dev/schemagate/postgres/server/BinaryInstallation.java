package dev.schemagate.postgres.server;

import dev.schemagate.dialect.InfrastructureException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The PostgreSQL binaries of one version, unpacked once into the user's private cache folder and
 * reused by every later run. Unpacking happens under a file lock into a scratch folder that is
 * renamed into place, so two runs starting together, or a run killed while unpacking, never leave
 * half an installation where it would be used. Before anything in it runs, the whole tree is
 * checked to be this user's and writable by nobody else ({@link PrivateFolders#checkTree}): once,
 * after which a stamp beside it says so. A tree that passed can change only by this user or root
 * (every folder in it is theirs and closed to others), so later runs check the stamp alone, which
 * only this user can have written and which names the very tree it vouches for.
 */
public final class BinaryInstallation {

    private final Path home;

    private BinaryInstallation(Path home) {
        this.home = home;
    }

    /**
     * The installation of {@code fullVersion}, unpacked into {@code cacheRoot} (a folder made by
     * {@link PrivateFolders#ensure}) if not there yet.
     */
    public static BinaryInstallation of(String fullVersion, Path cacheRoot, PostgresBinaries binaries) {
        Path home = cacheRoot.resolve("pg-" + fullVersion + "-" + Platform.current());
        if (!Files.isExecutable(home.resolve("bin/postgres"))) {
            unpackOnce(fullVersion, cacheRoot, binaries, home);
        }
        if (!CheckedStamp.vouchesFor(stamp(home), home)) {
            // the first use of this tree: every entry in it
            PrivateFolders.checkTree(home);
            CheckedStamp.write(stamp(home), home);
        }
        return new BinaryInstallation(home);
    }

    private static Path stamp(Path home) {
        return home.resolveSibling(home.getFileName() + ".checked");
    }

    private static void unpackOnce(String fullVersion, Path cacheRoot, PostgresBinaries binaries, Path home) {
        try {
            try (FileChannel lockFile = FileChannel.open(cacheRoot.resolve(home.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (!Files.isExecutable(home.resolve("bin/postgres"))) {
                    removeInterruptedUnpacks(home);
                    unpack(fullVersion, binaries, home);
                }
            }
        } catch (IOException e) {
            throw new InfrastructureException("could not unpack PostgreSQL " + fullVersion + " into " + cacheRoot
                    + ": " + e.getMessage() + " (check free space and permissions, or set SCHEMAGATE_CACHE)", e);
        }
    }

    public Path bin(String program) {
        return home.resolve("bin").resolve(program);
    }

    /** Scratch folders of unpacks killed half way; the lock held says no other unpack is running. */
    private static void removeInterruptedUnpacks(Path home) throws IOException {
        try (DirectoryStream<Path> scratches = Files.newDirectoryStream(home.getParent(), home.getFileName() + ".*")) {
            for (Path scratch : scratches) {
                if (Files.isDirectory(scratch, LinkOption.NOFOLLOW_LINKS)) {
                    FileTree.delete(scratch);
                }
            }
        }
    }

    /** Folders made while unpacking got the umask's permissions, which may let the group write. */
    private static void readOnlyFolders(Path tree) throws IOException {
        try (var folders = Files.walk(tree)) {
            for (Path folder : folders.filter(path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)).toList()) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static void unpack(String fullVersion, PostgresBinaries binaries, Path home) throws IOException {
        Path scratch = Files.createTempDirectory(home.getParent(), home.getFileName() + ".");
        try (InputStream archive = binaries.openArchive(fullVersion);
             TarArchiveInputStream tar = new TarArchiveInputStream(
                     new XZCompressorInputStream(new BufferedInputStream(archive, 1 << 16)))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path target = scratch.resolve(entry.getName()).normalize();
                if (!target.startsWith(scratch)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            readOnlyFolders(scratch);
            Files.move(scratch, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            FileTree.delete(scratch);
            throw e;
        }
    }
}
