package dev.schemagate.postgres.server;

import dev.schemagate.dialect.InfrastructureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PrivateFoldersTest {

    private static final int SOMEONE_ELSE = 54321;

    @TempDir
    Path temp;

    @Test
    void aNewFolderIsOwnerOnlyOrTraversableForARootRunsServer() throws IOException {
        assertThat(mode(PrivateFolders.ensure(temp.resolve("a/b"), false))).isEqualTo(0700);
        assertThat(mode(temp.resolve("a"))).isEqualTo(0700);
        assertThat(mode(PrivateFolders.ensure(temp.resolve("c"), true))).isEqualTo(0711);
    }

    @Test
    void aFolderOfOursThatOthersCouldReadIsTightened() throws IOException {
        Path old = Files.createDirectory(temp.resolve("old"));
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"));
        PrivateFolders.ensure(old, false);
        assertThat(mode(old)).isEqualTo(0700);
    }

    @Test
    void aLinkPlantedWhereTheFolderGoesIsRefused() throws IOException {
        Path elsewhere = Files.createDirectory(temp.resolve("elsewhere"));
        Path planted = Files.createSymbolicLink(temp.resolve("cache"), elsewhere);
        assertThatThrownBy(() -> PrivateFolders.ensure(planted, false))
                .isInstanceOf(InfrastructureException.class)
                .hasMessageContaining(planted + " is not a folder")
                .hasMessageContaining("SCHEMAGATE_CACHE");
    }

    @Test
    void aFolderAnotherUserMadeIsRefused() throws IOException {
        assumeTrue(PrivateFolders.currentUid() == 0, "only root can give a folder to another user");
        Path planted = Files.createDirectory(temp.resolve("schemagate-victim"));
        Files.setAttribute(planted, "unix:uid", SOMEONE_ELSE);
        assertThatThrownBy(() -> PrivateFolders.ensure(planted, false))
                .hasMessageContaining("belongs to uid " + SOMEONE_ELSE);
        assertThatThrownBy(() -> PrivateFolders.ensure(planted.resolve("binaries"), false))
                .hasMessageContaining(planted + " belongs to uid " + SOMEONE_ELSE);
    }

    @Test
    void aFolderAboveThatOthersMayWriteMustBeSticky() throws IOException {
        Path shared = Files.createDirectory(temp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> PrivateFolders.ensure(shared.resolve("cache"), false))
                .hasMessageContaining(shared + " may be written by other users (mode 0777) and is not sticky");
        Files.setAttribute(shared, "unix:mode", 01777);
        assertThat(PrivateFolders.ensure(shared.resolve("cache"), false)).isDirectory();
    }

    @Test
    void binariesSomeoneElseCouldChangeAreNotRun() throws IOException {
        Path home = Files.createDirectories(temp.resolve("pg/bin"));
        Path postgres = Files.writeString(home.resolve("postgres"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxr-xr-x"));
        PrivateFolders.checkTree(temp.resolve("pg"));
        Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertThatThrownBy(() -> PrivateFolders.checkTree(temp.resolve("pg")))
                .hasMessageContaining(postgres + " is owned by uid")
                .hasMessageContaining("mode 0775");
    }

    @Test
    void theUserIdIsTheProcesssOwnAlsoForAnotherUser() throws Exception {
        assertThat(PrivateFolders.currentUid()).isEqualTo(uid(Files.createFile(temp.resolve("mine"))));
        assumeTrue(ServerProcess.isRoot(), "only root can run a JVM as another user");
        String classPath = String.join(":", List.of(location(PrintUid.class), location(PrivateFolders.class),
                location(InfrastructureException.class)));
        Process java = new ProcessBuilder("setpriv", "--reuid=" + ServerProcess.NOBODY, "--regid=" + ServerProcess.NOBODY,
                "--clear-groups", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                PrintUid.class.getName()).redirectErrorStream(true).start();
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(java.getInputStream().readAllBytes()).trim()).isEqualTo(String.valueOf(ServerProcess.NOBODY));
    }

    /** Prints the user id {@link PrivateFolders} sees, in a JVM of its own. */
    static final class PrintUid {
        public static void main(String[] args) {
            System.out.println(PrivateFolders.currentUid());
        }
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static int uid(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    private static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }
}
