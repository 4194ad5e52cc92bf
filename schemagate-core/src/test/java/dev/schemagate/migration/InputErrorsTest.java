package dev.schemagate.migration;

import static dev.schemagate.migration.Folders.discover;
import static dev.schemagate.migration.Folders.failsNaming;
import static dev.schemagate.migration.Folders.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFolderIsAnInputError() {
        Path missing = dir.resolve("nowhere");

        failsNaming(missing, Layout.AUTO, missing.toString()).hasMessageContaining("no such folder");
    }

    @Test
    void aFileInsteadOfAFolderIsAnInputError() {
        Path file = write(dir, "1_a.up.sql", "SELECT 1;");

        failsNaming(file, Layout.AUTO, file.toString()).hasMessageContaining("not a folder");
    }

    @Test
    void aFolderWithoutMigrationsIsAnInputError() {
        write(dir, "README.md", "nothing here yet");

        failsNaming(dir, Layout.AUTO, dir.toString()).hasMessageContaining("holds no migrations");
    }

    @Test
    void aFolderWithOnlyOtherDialectsMigrationsHoldsNoneForThisOne() {
        write(dir, "1_a.mysql.up.sql", "SELECT 1;");

        failsNaming(dir, Layout.AUTO, dir.toString()).hasMessageContaining("no migrations for postgres");
    }

    @Test
    void aBinaryFileIsAnInputErrorNamingIt() {
        write(dir, "1_a.up.sql", new byte[] {'S', 'E', 'L', 0, 1, 2});

        failsNaming(dir, Layout.AUTO, "1_a.up.sql").hasMessageContaining("binary").hasMessageContaining("offset 3");
    }

    @Test
    void aFileThatIsNotUtf8IsAnInputErrorWithItsLineAndOffset() {
        byte[] latin1 = "SELECT 1;\nSELECT 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1);
        write(dir, "1_a.up.sql", latin1);

        failsNaming(dir, Layout.AUTO, "1_a.up.sql:2:").hasMessageContaining("UTF-8").hasMessageContaining("byte offset 21");
    }

    @Test
    void aLinkBackToAFolderAboveIsAnInputErrorNamingIt() throws IOException {
        write(dir, "1_a.up.sql", "SELECT 1;");
        Path loop = Files.createSymbolicLink(Files.createDirectories(dir.resolve("nested")).resolve("loop"), dir);

        failsNaming(dir, Layout.AUTO, loop + ": is a link to a folder that holds it, a loop");
    }

    @Test
    void aLinkToNothingIsAnInputErrorNamingIt() throws IOException {
        write(dir, "1_a.up.sql", "SELECT 1;");
        Path dangling = Files.createSymbolicLink(dir.resolve("2_b.up.sql"), dir.resolve("gone.sql"));

        failsNaming(dir, Layout.AUTO, dangling + ": is a link to nothing");
    }

    @Test
    void aByteOrderMarkIsDroppedSilently() {
        write(dir, "1_a.sql", "\uFEFF-- +goose Up\nSELECT 'é';\n");

        Migration migration = discover(dir, Layout.AUTO).migrations().get(0);

        assertThat(migration.up().parts()).containsExactly(new ScriptPart("SELECT 'é';\n", 2, 1, ";"));
    }

    @Test
    void aWholeFileScriptLosesItsByteOrderMarkToo() {
        write(dir, "1_a.up.sql", "\uFEFFSELECT 1;");

        assertThat(discover(dir, Layout.AUTO).migrations().get(0).up().text()).isEqualTo("SELECT 1;");
    }
}
