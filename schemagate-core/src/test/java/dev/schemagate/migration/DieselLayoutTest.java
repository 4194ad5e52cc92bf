package dev.schemagate.migration;

import static dev.schemagate.migration.Folders.discover;
import static dev.schemagate.migration.Folders.failsNaming;
import static dev.schemagate.migration.Folders.versions;
import static dev.schemagate.migration.Folders.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diesel's folders, read as diesel_migrations reads and runs them. */
class DieselLayoutTest {

    @TempDir
    Path dir;

    @Test
    void readsFoldersWithDashedVersionsAsTheirDigitsAndTheInitialSetupFirst() {
        write(dir, "2019-01-02-000000_add_b/up.sql", "ALTER TABLE t ADD b int;");
        write(dir, "2019-01-01-000000_create_t/up.sql", "CREATE TABLE t (id int);");
        write(dir, "2019-01-01-000000_create_t/down.sql", "DROP TABLE t;");
        write(dir, "00000000000000_diesel_initial_setup/up.sql", "SELECT 1;");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.layout()).isEqualTo(Layout.DIESEL);
        assertThat(versions(set)).containsExactly("00000000000000", "20190101000000", "20190102000000");
        Migration create = set.migrations().get(1);
        assertThat(create.description()).isEqualTo("create_t");
        assertThat(create.up().file()).isEqualTo(dir.resolve("2019-01-01-000000_create_t/up.sql"));
        assertThat(create.down()).get().extracting(Script::text).isEqualTo("DROP TABLE t;");
        assertThat(set.migrations().get(2).down()).isEmpty();
        assertThat(set.ignored()).isEmpty();
    }

    @Test
    void ordersVersionsAsTextAsDieselDoes() {
        write(dir, "9_nine/up.sql", "SELECT 9;");
        write(dir, "10_ten/up.sql", "SELECT 10;");

        assertThat(versions(discover(dir, Layout.DIESEL))).containsExactly("10", "9");
    }

    @Test
    void runsEachMigrationInATransactionUnlessMetadataSaysOtherwise() {
        write(dir, "2020-01-01-000000_table/up.sql", "CREATE TABLE t (a int);");
        write(dir, "2020-01-02-000000_index/up.sql", "CREATE INDEX CONCURRENTLY i ON t (a);");
        write(dir, "2020-01-02-000000_index/down.sql", "DROP INDEX CONCURRENTLY i;");
        write(dir, "2020-01-02-000000_index/metadata.toml", "run_in_transaction = false\n");
        write(dir, "2020-01-03-000000_other/up.sql", "SELECT 1;");
        write(dir, "2020-01-03-000000_other/metadata.toml", "# diesel's field defaults to false once the file exists\n");
        write(dir, "2020-01-04-000000_kept/up.sql", "SELECT 1;");
        write(dir, "2020-01-04-000000_kept/metadata.toml", "run_in_transaction = true\n");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.migrations()).extracting(m -> m.up().transaction().mode()).containsExactly(
                Transaction.Mode.WRAPPED, Transaction.Mode.ONE_QUERY, Transaction.Mode.ONE_QUERY, Transaction.Mode.WRAPPED);
        assertThat(set.migrations().get(1).down().orElseThrow().transaction().mode()).isEqualTo(Transaction.Mode.ONE_QUERY);
        assertThat(set.migrations().get(0).up().transaction().tool()).isEqualTo("diesel");
    }

    @Test
    void filesDieselDoesNotReadAreIgnoredWithANote() {
        write(dir, "2020-01-01-000000_table/up.sql", "CREATE TABLE t (a int);");
        write(dir, "2020-01-01-000000_table/notes.txt", "why");
        write(dir, "stray.sql", "DROP TABLE t;");
        write(dir, ".keep", "");
        write(dir, "README.md", "# migrations");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.layout()).isEqualTo(Layout.DIESEL);
        assertThat(set.migrations()).hasSize(1);
        assertThat(set.ignored()).extracting(IgnoredFile::file)
                .containsExactly(dir.resolve("2020-01-01-000000_table/notes.txt"), dir.resolve("stray.sql"));
        assertThat(set.ignored().get(1).reason()).isEqualTo("diesel reads only the folders beside it");
    }

    @Test
    void aFolderWithoutUpIsAnInputErrorAsInDiesel() {
        write(dir, "2020-01-01-000000_a/up.sql", "SELECT 1;");
        write(dir, "2020-01-02-000000_b/down.sql", "SELECT 2;");

        failsNaming(dir, Layout.AUTO, "2020-01-02-000000_b").hasMessageContaining("up.sql");
    }

    @Test
    void aSourcegraphMetadataFileMakesItTheFolderLayout() {
        write(dir, "1528395833/up.sql", "CREATE TABLE t (a int);");
        write(dir, "1528395833/metadata.yaml", "name: create table\n");

        assertThat(discover(dir, Layout.AUTO).layout()).isEqualTo(Layout.FOLDER);
    }
}
