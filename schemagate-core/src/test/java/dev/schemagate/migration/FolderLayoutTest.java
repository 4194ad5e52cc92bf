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
    void aFolderWithoutUpIsAnInputErrorNamingIt() {
        write(dir, "001_a/up.sql", "SELECT 1;");
        write(dir, "002_b/down.sql", "SELECT 2;");

        failsNaming(dir, Layout.FOLDER, "002_b").hasMessageContaining("up.sql");
    }

    @Test
    void aLooseFileBesideTheFoldersIsAnInputError() {
        write(dir, "001_a/up.sql", "SELECT 1;");
        write(dir, "loose.sql", "SELECT 2;");

        failsNaming(dir, Layout.FOLDER, "loose.sql").hasMessageContaining("folder");
    }
}
