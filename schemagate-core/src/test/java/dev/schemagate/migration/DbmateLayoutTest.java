package dev.schemagate.migration;

import static dev.schemagate.migration.Folders.discover;
import static dev.schemagate.migration.Folders.failsNaming;
import static dev.schemagate.migration.Folders.versions;
import static dev.schemagate.migration.Folders.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbmateLayoutTest {

    @TempDir
    Path dir;

    @Test
    void cutsTheFileIntoSectionsThatKeepTheirLineNumbers() {
        write(dir, "20190101000001_create.sql", """
                -- a comment first
                -- migrate:up
                CREATE TABLE t (id int);

                -- migrate:down
                DROP TABLE t;
                """);

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.layout()).isEqualTo(Layout.DBMATE);
        Migration migration = set.migrations().get(0);
        assertThat(migration.displayName()).isEqualTo("20190101000001 create");
        assertThat(migration.up().parts()).containsExactly(new ScriptPart("CREATE TABLE t (id int);\n\n", 3, 1, ";"));
        assertThat(migration.down()).get().extracting(Script::parts)
                .isEqualTo(List.of(new ScriptPart("DROP TABLE t;\n", 6, 1, ";")));
        assertThat(migration.up().transactional()).isTrue();
    }

    @Test
    void readsWindowsLineEndings() {
        write(dir, "1_a.sql", "-- migrate:up\r\nSELECT 1;\r\n-- migrate:down transaction:false\r\nSELECT 2;\r\n");

        Migration migration = discover(dir, Layout.AUTO).migrations().get(0);

        assertThat(migration.up().parts()).containsExactly(new ScriptPart("SELECT 1;\r\n", 2, 1, ";"));
        assertThat(migration.down()).get().extracting(Script::transactional).isEqualTo(false);
        assertThat(migration.down().get().parts()).extracting(ScriptPart::line).containsExactly(4);
    }

    @Test
    void transactionFalseOnAMarkerAppliesToItsSectionOnly() {
        write(dir, "1_index.sql", """
                -- migrate:up transaction:false
                CREATE INDEX CONCURRENTLY i ON t (a);
                -- migrate:down
                DROP INDEX i;
                """);

        Migration migration = discover(dir, Layout.DBMATE).migrations().get(0);

        assertThat(migration.up().transactional()).isFalse();
        assertThat(migration.down()).get().extracting(Script::transactional).isEqualTo(true);
    }

    @Test
    void withoutADownMarkerThereIsNoDownButAnEmptyDownSectionIsOne() {
        write(dir, "1_a.sql", "-- migrate:up\nSELECT 1;\n");
        write(dir, "2_b.sql", "-- migrate:up\nSELECT 2;\n-- migrate:down\n\n");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(versions(set)).containsExactly("1", "2");
        assertThat(set.migrations().get(0).down()).isEmpty();
        assertThat(set.migrations().get(1).down()).get().extracting(Script::isBlank).isEqualTo(true);
    }

    @Test
    void sqlBeforeTheUpMarkerIsAnInputErrorWithItsLine() {
        write(dir, "1_a.sql", "\nSELECT 0;\n-- migrate:up\nSELECT 1;\n");

        failsNaming(dir, Layout.AUTO, "1_a.sql:2:");
    }

    @Test
    void aDownMarkerBeforeTheUpMarkerIsAnInputError() {
        write(dir, "1_a.sql", "-- migrate:down\nSELECT 0;\n-- migrate:up\nSELECT 1;\n");

        failsNaming(dir, Layout.AUTO, "1_a.sql:1:");
    }

    @Test
    void twoMigrationsWithOneVersionAreAnInputErrorNamingBoth() {
        write(dir, "1_a.sql", "-- migrate:up\nSELECT 1;\n");
        write(dir, "01_b.sql", "-- migrate:up\nSELECT 2;\n");

        failsNaming(dir, Layout.AUTO, "1_a.sql").hasMessageContaining("01_b.sql");
    }
}
