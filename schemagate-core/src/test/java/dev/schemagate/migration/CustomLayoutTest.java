package dev.schemagate.migration;

import static dev.schemagate.migration.Folders.discover;
import static dev.schemagate.migration.Folders.failsNaming;
import static dev.schemagate.migration.Folders.versions;
import static dev.schemagate.migration.Folders.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's own layout, described in the migrations folder's schemagate.yml. */
class CustomLayoutTest {

    @TempDir
    Path dir;

    @Test
    void aPatternWithNamedGroupsReadsVersionDescriptionDirectionAndDialect() {
        write(dir, "schemagate.yml", """
                layout:
                  pattern: 'm(?<version>\\d+)-(?<description>[a-z_]+)(\\.(?<dialect>\\w+))?\\.(?<direction>apply|revert)\\.sql'
                  order: numeric
                  transaction: one-query
                  tool: our deployer
                """);
        write(dir, "m10-add_b.apply.sql", "ALTER TABLE t ADD b int;");
        write(dir, "m9-create_t.apply.sql", "CREATE TABLE t (a int);");
        write(dir, "m9-create_t.revert.sql", "DROP TABLE t;");
        write(dir, "m9-create_t.mysql.apply.sql", "CREATE TABLE t (a int) ENGINE=InnoDB;");
        write(dir, "notes.txt", "not ours");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.layout()).isEqualTo(Layout.CUSTOM);
        assertThat(set.migrations()).extracting(Migration::displayName).containsExactly("9 create_t", "10 add_b");
        assertThat(set.migrations().get(0).down()).get().extracting(Script::text).isEqualTo("DROP TABLE t;");
        assertThat(set.migrations().get(0).up().transaction()).isEqualTo(
                new Transaction(Transaction.Mode.ONE_QUERY, "our deployer", ""));
        assertThat(set.ignored()).extracting(IgnoredFile::file).containsExactly(dir.resolve("notes.txt"));
    }

    @Test
    void textOrderSortsVersionsAsText() {
        write(dir, "schemagate.yml", "layout:\n  pattern: '(?<version>\\d+)_(?<description>\\w+)\\.sql'\n  order: text\n");
        write(dir, "9_a.sql", "SELECT 9;");
        write(dir, "10_b.sql", "SELECT 10;");

        assertThat(versions(discover(dir, Layout.AUTO))).containsExactly("10", "9");
    }

    @Test
    void anOrderedListOfFilesWithGlobsAndAManifestGivesTheOrder() {
        write(dir, "versioned/v1.10/01_later.sql", "ALTER TABLE t ADD c int;");
        write(dir, "versioned/v1.2/02_more.sql", "ALTER TABLE t ADD b int;");
        write(dir, "versioned/v1.2/01_base.sql", "CREATE TABLE t (a int);");
        write(dir, "versioned/manifest.txt", "# applied in this order\nversioned/v1.2/*.sql\nversioned/v1.10/*.sql\n");
        write(dir, "schemagate.yml", "layout:\n  manifest: versioned/manifest.txt\n");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.migrations()).extracting(Migration::description)
                .containsExactly("versioned/v1.2/01_base", "versioned/v1.2/02_more", "versioned/v1.10/01_later");
        assertThat(versions(set)).containsExactly("1", "2", "3");
        assertThat(set.ignored()).extracting(IgnoredFile::file).containsExactly(dir.resolve("versioned/manifest.txt"));
    }

    @Test
    void aPatternWithoutAVersionGroupIsAnInputErrorNamingTheConfig() {
        write(dir, "schemagate.yml", "layout:\n  pattern: '\\w+\\.sql'\n");
        write(dir, "a.sql", "SELECT 1;");

        failsNaming(dir, Layout.AUTO, "schemagate.yml").hasMessageContaining("(?<version>");
    }

    @Test
    void theConfigCanNameABuiltInLayout() {
        write(dir, "schemagate.yml", "layout: sqlx\n");
        write(dir, "1_a.up.sql", "SELECT 1;");

        assertThat(discover(dir, Layout.AUTO).layout()).isEqualTo(Layout.SQLX);
        assertThat(discover(dir, Layout.GOLANG_MIGRATE).layout()).isEqualTo(Layout.GOLANG_MIGRATE);
    }
}
