package dev.schemagate.postgres.server;

import dev.schemagate.dialect.InfrastructureException;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The folders Schemagate executes programs from and keeps servers in, made and checked so that no
 * other local user can change them: each is created with its final permissions in one step (no
 * window in which another user could swap it), an existing one must be a real folder owned by this
 * user, and every folder above it must be owned by this user or root and, when others may write
 * to it, sticky (as {@code /tmp} is), so that nobody else can rename it away. Anything else is
 * refused before a program runs: a folder planted in {@code /tmp} by another user ran its files
 * as the victim.
 */
final class PrivateFolders {

    private static final int ROOT = 0;
    private static final int STICKY = 01000;
    private static final int OTHERS_WRITE = 0022;

    private PrivateFolders() {
    }

    /**
     * Makes {@code folder} (and the folders it needs) if missing, owner-only ({@code 0700}), or
     * {@code 0711} when {@code traversable}, so that the unprivileged identity a root run hands its
     * server to may pass through it without listing it.
     */
    static Path ensure(Path folder, boolean traversable) {
        String mode = traversable ? "rwx--x--x" : "rwx------";
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            Path parent = absolute.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                ensure(parent, traversable);
            }
            checkAncestors(parent);
            try {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
            } catch (FileAlreadyExistsException existing) {
                checkOwned(absolute);
            }
            // tightens a folder an older version made 0755, and undoes the umask on a new one
            Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString(mode));
            return absolute;
        } catch (IOException e) {
            throw new InfrastructureException("could not make the private folder " + absolute + ": " + e.getMessage()
                    + " (set SCHEMAGATE_CACHE to a folder of your own)", e);
        }
    }

    /** Refuses a tree (the unpacked binaries) holding anything another user owns or may write. */
    static void checkTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    checkEntry(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    checkEntry(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new InfrastructureException("could not check the PostgreSQL binaries in " + root + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a file or folder (a link: its owner alone) that another user owns or may write. */
    static void checkEntry(Path path) throws IOException {
        int me = currentUid();
        int mode = mode(path);
        boolean link = Files.isSymbolicLink(path);
        if (uid(path) != me || (!link && (mode & OTHERS_WRITE) != 0)) {
            throw unsafe(path, "is owned by uid " + uid(path) + " with mode " + octal(mode)
                    + ", where only uid " + me + " may change what Schemagate runs");
        }
    }

    /** The effective user id of this process. */
    static int currentUid() {
        return Me.UID;
    }

    /**
     * This process's effective user id, read once from the {@code Uid:} line of
     * {@code /proc/self/status} (real, effective, saved, file system). Not the owner of
     * {@code /proc/self}: that is a link, and the link itself belongs to root whoever reads it.
     */
    private static final class Me {
        private static final int UID = read();

        private static int read() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("Uid:")) {
                        return Integer.parseInt(line.substring("Uid:".length()).trim().split("\\s+")[1]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no /proc: decided by the user name below
            }
            return "root".equals(System.getProperty("user.name")) ? ROOT : -1;
        }
    }

    private static void checkOwned(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw unsafe(folder, "is not a folder (a link or a file stands there)");
        }
        if (uid(folder) != currentUid()) {
            throw unsafe(folder, "belongs to uid " + uid(folder) + ", not to this user (uid " + currentUid() + ")");
        }
    }

    /** Every folder above: owned by this user or root, and sticky if others may write to it. */
    private static void checkAncestors(Path parent) throws IOException {
        int me = currentUid();
        for (Path folder = parent == null ? null : parent.toRealPath(); folder != null; folder = folder.getParent()) {
            int owner = uid(folder);
            int mode = mode(folder);
            if (owner != me && owner != ROOT) {
                throw unsafe(folder, "belongs to uid " + owner + ", who could replace what Schemagate keeps below it");
            }
            if ((mode & OTHERS_WRITE) != 0 && (mode & STICKY) == 0) {
                throw unsafe(folder, "may be written by other users (mode " + octal(mode) + ") and is not sticky");
            }
        }
    }

    private static InfrastructureException unsafe(Path path, String why) {
        return new InfrastructureException(path + " " + why + "; Schemagate runs nothing from there."
                + " Remove it, or set SCHEMAGATE_CACHE to a folder only you may write");
    }

    private static int uid(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    private static String octal(int mode) {
        return String.format("%04o", mode);
    }
}
