package dev.schemagate.postgres.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The stamp that spares later runs the walk over the binaries: when it vouches for a tree and when not. */
class CheckedStampTest {

    @TempDir
    Path temp;

    @Test
    void aStampVouchesForTheTreeItWasWrittenForOnly() throws IOException {
        Path tree = Files.createDirectories(temp.resolve("pg/bin"));
        Path other = Files.createDirectories(temp.resolve("other"));
        Path stamp = temp.resolve("pg.checked");
        assertThat(CheckedStamp.vouchesFor(stamp, tree)).isFalse();
        CheckedStamp.write(stamp, tree);
        assertThat(CheckedStamp.vouchesFor(stamp, tree)).isTrue();
        assertThat(CheckedStamp.vouchesFor(stamp, other)).isFalse();
        assertThat(PrivateFolders.mode(stamp)).isEqualTo(0600);
        try (var left = Files.list(temp)) {
            assertThat(left.map(path -> path.getFileName().toString()).sorted().toList()).containsExactly("other", "pg", "pg.checked");
        }
    }

    @Test
    void aFolderMovedIntoTheTreesPlaceIsNotVouchedFor() throws IOException {
        Path tree = Files.createDirectories(temp.resolve("pg"));
        Path stamp = temp.resolve("pg.checked");
        CheckedStamp.write(stamp, tree);
        Path planted = Files.createDirectories(temp.resolve("planted"));
        Files.move(tree, temp.resolve("old"));
        Files.move(planted, tree, StandardCopyOption.ATOMIC_MOVE);
        assertThat(CheckedStamp.vouchesFor(stamp, tree)).isFalse();
    }

    @Test
    void aStampOthersMayWriteOrALinkVouchesForNothing() throws IOException {
        Path tree = Files.createDirectories(temp.resolve("pg"));
        Path stamp = temp.resolve("pg.checked");
        CheckedStamp.write(stamp, tree);
        Files.setPosixFilePermissions(stamp, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(CheckedStamp.vouchesFor(stamp, tree)).isFalse();
        Path link = Files.createSymbolicLink(temp.resolve("link.checked"), stamp);
        Files.setPosixFilePermissions(stamp, PosixFilePermissions.fromString("rw-------"));
        assertThat(CheckedStamp.vouchesFor(stamp, tree)).isTrue();
        assertThat(CheckedStamp.vouchesFor(link, tree)).isFalse();
    }

    @Test
    void aTreeWhoseFolderOthersMayWriteIsNotVouchedFor() throws IOException {
        Path tree = Files.createDirectories(temp.resolve("pg"));
        Path stamp = temp.resolve("pg.checked");
        CheckedStamp.write(stamp, tree);
        Files.setPosixFilePermissions(tree, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertThat(CheckedStamp.vouchesFor(stamp, tree)).isFalse();
    }

    @Test
    void aStampAnotherUserOwnsVouchesForNothing() throws IOException {
        assumeTrue(ServerProcess.isRoot(), "only root can give a file to another user");
        Path tree = Files.createDirectories(temp.resolve("pg"));
        Path stamp = temp.resolve("pg.checked");
        CheckedStamp.write(stamp, tree);
        Files.setAttribute(stamp, "unix:uid", 54321);
        assertThat(CheckedStamp.vouchesFor(stamp, tree)).isFalse();
    }
}
