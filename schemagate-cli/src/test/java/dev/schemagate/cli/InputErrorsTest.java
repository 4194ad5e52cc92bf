package dev.schemagate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input exits with code 2 and one line that says what and where, never a stack trace. */
class InputErrorsTest {

    @Test
    void aFolderThatDoesNotExist(@TempDir Path dir) {
        assertInputError(CommandRun.of("verify", dir.resolve("nope").toString()), "nope");
    }

    @Test
    void anEmptyFolder(@TempDir Path dir) {
        assertInputError(CommandRun.of("verify", dir.toString()), dir.getFileName().toString());
    }

    @Test
    void aBinaryFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("1_a.up.sql"), "CREATE TABLE a (id int);");
        Files.write(dir.resolve("2_b.up.sql"), new byte[] {'C', 0, 1, 2, (byte) 0xff, 0});
        assertInputError(CommandRun.of("verify", dir.toString()), "2_b.up.sql");
    }

    @Test
    void aFileThatIsNotUtf8(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("1_a.up.sql"), "CREATE TABLE caf\u00e9 (id int);".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertInputError(CommandRun.of("verify", dir.toString()), "1_a.up.sql");
    }

    @Test
    void anUnsupportedPostgresVersion(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("1_a.up.sql"), "CREATE TABLE a (id int);");
        assertInputError(CommandRun.of("verify", dir.toString(), "--pg-version", "12"), "--pg-version");
    }

    @Test
    void anUnknownLayout(@TempDir Path dir) {
        assertInputError(CommandRun.of("verify", dir.toString(), "--layout", "rails"), "rails");
    }

    @Test
    void anUnknownOption() {
        CommandRun run = CommandRun.of("verify", "--frobnicate");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("--frobnicate").contains("--help");
    }

    private static void assertInputError(CommandRun run, String mentioned) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err().lines()).as(run.toString()).hasSize(1);
        assertThat(run.err()).startsWith("schemagate: ").contains(mentioned).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
