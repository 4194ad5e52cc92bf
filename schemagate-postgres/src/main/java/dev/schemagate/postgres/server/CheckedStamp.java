package dev.schemagate.postgres.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file saying that a tree in a private folder passed {@link PrivateFolders#checkTree}, so that
 * runs after the first skip walking its thousand entries. It names the tree by its folder's
 * identity (device and inode), so it never vouches for a folder moved into the tree's place, and it
 * counts only while it is a plain file of this user's that nobody else may write: another user
 * cannot make a file owned by this user, so a stamp planted while its folder was open to others is
 * refused as the tree itself would be.
 */
final class CheckedStamp {

    private CheckedStamp() {
    }

    /**
     * Whether {@code stamp} says that {@code tree}, as it stands, passed the check; never when the
     * tree's own folder is no longer this user's alone, so that the full check names what is wrong.
     */
    static boolean vouchesFor(Path stamp, Path tree) {
        try {
            if (!Files.isRegularFile(stamp, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            PrivateFolders.checkEntry(stamp);
            PrivateFolders.checkEntry(tree);
            return Files.readString(stamp).equals(identity(tree));
        } catch (IOException | RuntimeException unusable) {
            return false;
        }
    }

    /** Records that {@code tree} passed the check; a stamp that cannot be written only costs the next run a check. */
    static void write(Path stamp, Path tree) {
        Path scratch = null;
        try {
            scratch = Files.createTempFile(stamp.getParent(), stamp.getFileName().toString(), ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(scratch, identity(tree));
            Files.move(scratch, stamp, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException ignored) {
            deleteQuietly(scratch);
        }
    }

    private static String identity(Path tree) throws IOException {
        Object key = Files.readAttributes(tree, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        if (key == null) {
            throw new IOException(tree + " has no file identity");
        }
        return key.toString();
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover scratch stamp is never read: only the stamp's own name is
        }
    }
}
