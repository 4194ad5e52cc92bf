package dev.schemagate.migration;

import static dev.schemagate.migration.Folders.discover;
import static dev.schemagate.migration.Folders.failsNaming;
import static dev.schemagate.migration.Folders.versions;
import static dev.schemagate.migration.Folders.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutDetectionTest {

    @TempDir
    Path dir;

    @Test
    void harmlessFilesAreIgnoredWherever() {
        write(dir, "1_a.up.sql", "SELECT 1;");
        write(dir, "README", "how to migrate");
        write(dir, "Readme.txt", "how to migrate");
        write(dir, "NOTES.md", "notes");
        write(dir, ".gitkeep", "");
        write(dir, "atlas.sum", "h1:abc=");
        write(dir, ".hidden/notes.txt", "not read");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.layout()).isEqualTo(Layout.GOLANG_MIGRATE);
        assertThat(versions(set)).containsExactly("1");
    }

    @Test
    void schemagatesOwnConfigFileInTheFolderIsNotAMigration() {
        write(dir, "0001_create.sql", "CREATE TABLE t (id int);");
        write(dir, "0002_add.sql", "ALTER TABLE t ADD b int;");
        write(dir, "schemagate.yml", "lint:\n  failOn: warning\n");

        assertThat(versions(discover(dir, Layout.AUTO))).containsExactly("0001", "0002");
        assertThat(versions(discover(dir, Layout.PLAIN))).containsExactly("0001", "0002");
    }

    @Test
    void theProfileBaselineInTheFolderIsNotAMigration() {
        write(dir, "0001_create.sql", "CREATE TABLE t (id int);");
        write(dir, MigrationDiscovery.BASELINE_FILE_NAME, "{\"format\": 1}");

        assertThat(versions(discover(dir, Layout.AUTO))).containsExactly("0001");
        assertThat(versions(discover(dir, Layout.PLAIN))).containsExactly("0001");
    }

    @Test
    void theYamlSpellingOfTheConfigFileIsIgnoredInEveryLayout() {
        write(dir, "V1__create.sql", "CREATE TABLE t (id int);");
        write(dir, "schemagate.yaml", "lint:\n  failOn: warning\n");

        MigrationSet set = discover(dir, Layout.FLYWAY);

        assertThat(set.migrations()).extracting(Migration::description).containsExactly("create");
        assertThat(discover(dir, Layout.AUTO).layout()).isEqualTo(Layout.FLYWAY);
    }

    @Test
    void followsSymbolicLinks() throws IOException {
        Path elsewhere = write(dir, "shared/1_a.up.sql", "SELECT 1;");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.createSymbolicLink(migrations.resolve("1_a.up.sql"), elsewhere);

        MigrationSet set = discover(migrations, Layout.AUTO);

        assertThat(set.migrations()).extracting(m -> m.up().text()).containsExactly("SELECT 1;");
    }

    @Test
    void aFolderMixingLayoutsIsAnInputErrorNamingAFileOfEach() {
        write(dir, "1_a.up.sql", "SELECT 1;");
        write(dir, "V2__b.sql", "SELECT 2;");

        failsNaming(dir, Layout.AUTO, "1_a.up.sql").hasMessageContaining("V2__b.sql").hasMessageContaining("mixes");
    }

    @Test
    void gooseFilesBesidePlainFilesAreAMixToo() {
        write(dir, "1_a.sql", "-- +goose Up\nSELECT 1;\n");
        write(dir, "2_b.sql", "SELECT 2;\n");

        failsNaming(dir, Layout.AUTO, "1_a.sql").hasMessageContaining("2_b.sql");
    }

    @Test
    void anUnknownFileIsAnInputErrorNamingItWhereTheToolIsUnknown() {
        write(dir, "1_a.sql", "SELECT 1;");
        write(dir, "notes.txt", "remember");

        failsNaming(dir, Layout.AUTO, "notes.txt").hasMessageContaining("not a migration file");
    }

    @Test
    void aSqlFileThatFitsNoNameOfThePlainLayoutIsAnInputError() {
        write(dir, "1_a.sql", "SELECT 1;");
        write(dir, "foo.sql", "SELECT 2;");

        failsNaming(dir, Layout.PLAIN, "foo.sql").hasMessageContaining("not a plain migration");
        failsNaming(dir, Layout.AUTO, "foo.sql");
    }

    @Test
    void filesGolangMigrateCannotParseAreIgnoredWithANoteAsItSkipsThem() {
        write(dir, "1_a.up.sql", "SELECT 1;");
        write(dir, "foo.sql", "SELECT 2;");
        write(dir, "notes.txt", "remember");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.layout()).isEqualTo(Layout.GOLANG_MIGRATE);
        assertThat(set.ignored()).extracting(IgnoredFile::file).containsExactly(dir.resolve("foo.sql"), dir.resolve("notes.txt"));
    }

    @Test
    void migrationsInSubfoldersOfAFlatLayoutAreAnInputErrorSayingWhere() {
        write(dir, "postgres/V0001.Init.up.sql", "SELECT 1;");
        write(dir, "mysql/V0001.Init.up.sql", "SELECT 1;");

        failsNaming(dir, Layout.AUTO, "V0001.Init.up.sql").hasMessageContaining("subfolders");
    }

    @Test
    void upAndDownFilesAloneAreGolangMigrate() {
        write(dir, "1_a.up.sql", "SELECT 1;");
        write(dir, "1_a.down.sql", "SELECT 2;");

        assertThat(discover(dir, Layout.AUTO).layout()).isEqualTo(Layout.GOLANG_MIGRATE);
        assertThat(discover(dir, Layout.PLAIN).layout()).isEqualTo(Layout.PLAIN);
    }
}
