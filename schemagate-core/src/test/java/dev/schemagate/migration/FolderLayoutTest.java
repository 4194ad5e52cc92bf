package dev.schemagate.migration;

import static dev.schemagate.migration.Folders.discover;
import static dev.schemagate.migration.Folders.failsNaming;
import static dev.schemagate.migration.Folders.versions;
import static dev.schemagate.migration.Folders.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderLayoutTest {

    @TempDir
    Path dir;

    @Test
    void readsDieselFoldersWithDashedVersionsAsDigits() {
        write(dir, "2019-01-02-000000_add_b/up.sql", "ALTER TABLE t ADD b int;");
        write(dir, "2019-01-01-000000_create_t/up.sql", "CREATE TABLE t (id int);");
        write(dir, "2019-01-01-000000_create_t/down.sql", "DROP TABLE t;");
        write(dir, "00000000000000_diesel_initial_setup/up.sql", "SELECT 1;");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.layout()).isEqualTo(Layout.FOLDER);
        assertThat(versions(set)).containsExactly("00000000000000", "20190101000000", "20190102000000");
        Migration create = set.migrations().get(1);
        assertThat(create.description()).isEqualTo("create_t");
        assertThat(create.up().file()).isEqualTo(dir.resolve("2019-01-01-000000_create_t/up.sql"));
        assertThat(create.down()).get().extracting(Script::text).isEqualTo("DROP TABLE t;");
        assertThat(set.migrations().get(2).down()).isEmpty();
    }

    @Test
    void readsSourcegraphMetadataForNameAndTransaction() {
        write(dir, "1528395834/up.sql", "CREATE INDEX CONCURRENTLY i ON t (a);");
        write(dir, "1528395834/down.sql", "DROP INDEX i;");
        write(dir, "1528395834/metadata.yaml", "name: 'add index'\nparents: [1528395833]\ncreateIndexConcurrently: true\n");
        write(dir, "1528395833/up.sql", "CREATE TABLE t (a int);");
        write(dir, "1528395833/metadata.yaml", "name: create table\n");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.migrations()).extracting(Migration::displayName)
                .containsExactly("1528395833 create table", "1528395834 add index");
        assertThat(set.migrations().get(0).up().transactional()).isTrue();
        assertThat(set.migrations().get(1).up().transactional()).isFalse();
        assertThat(set.migrations().get(1).down()).get().extracting(Script::transactional).isEqualTo(false);
    }

    @Test
    void readsDieselMetadataThatTurnsTheTransactionOff() {
        write(dir, "2020-01-01-000000_index/up.sql", "CREATE INDEX CONCURRENTLY i ON t (a);");
        write(dir, "2020-01-01-000000_index/metadata.toml", "run_in_transaction = false\n");

        assertThat(discover(dir, Layout.FOLDER).migrations().get(0).up().transactional()).isFalse();
    }

    @Test
    void aFolderWithoutUpIsAnInputErrorNamingIt() {
        write(dir, "001_a/up.sql", "SELECT 1;");
        write(dir, "002_b/down.sql", "SELECT 2;");

        failsNaming(dir, Layout.AUTO, "002_b").hasMessageContaining("up.sql");
    }

    @Test
    void aLooseFileBesideTheFoldersIsAnInputError() {
        write(dir, "001_a/up.sql", "SELECT 1;");
        write(dir, "loose.sql", "SELECT 2;");

        failsNaming(dir, Layout.FOLDER, "loose.sql").hasMessageContaining("folder");
    }
}
