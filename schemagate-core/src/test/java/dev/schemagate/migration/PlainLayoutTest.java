package dev.schemagate.migration;

import static dev.schemagate.migration.Folders.discover;
import static dev.schemagate.migration.Folders.failsNaming;
import static dev.schemagate.migration.Folders.versions;
import static dev.schemagate.migration.Folders.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainLayoutTest {

    @TempDir
    Path dir;

    @Test
    void pairsEachMigrationWithItsRollbackInNumericOrder() {
        write(dir, "10_add_index.sql", "CREATE INDEX i ON t (id);");
        write(dir, "9_create_t.sql", "CREATE TABLE t (id int);");
        write(dir, "9_create_t_rollback.sql", "DROP TABLE t;");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.layout()).isEqualTo(Layout.PLAIN);
        assertThat(versions(set)).containsExactly("9", "10");
        Migration first = set.migrations().get(0);
        assertThat(first.description()).isEqualTo("create_t");
        assertThat(first.up().file()).isEqualTo(dir.resolve("9_create_t.sql"));
        assertThat(first.up().parts()).containsExactly(new ScriptPart("CREATE TABLE t (id int);", 1, 1, ";"));
        assertThat(first.up().transaction().mode()).isEqualTo(Transaction.Mode.ONE_QUERY);
        assertThat(first.down()).get().extracting(Script::file).isEqualTo(dir.resolve("9_create_t_rollback.sql"));
        assertThat(set.migrations().get(1).down()).isEmpty();
    }

    @Test
    void readsUpAndDownSuffixesBesideBareFiles() {
        write(dir, "1_a.sql", "SELECT 1;");
        write(dir, "1_a.down.sql", "SELECT 2;");
        write(dir, "2_b.up.sql", "SELECT 3;");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.layout()).isEqualTo(Layout.PLAIN);
        assertThat(versions(set)).containsExactly("1", "2");
        assertThat(set.migrations().get(0).down()).get().extracting(Script::text).isEqualTo("SELECT 2;");
        assertThat(set.migrations().get(1).up().text()).isEqualTo("SELECT 3;");
    }

    @Test
    void rollbackWithoutMigrationIsAnInputError() {
        write(dir, "1_a.sql", "SELECT 1;");
        write(dir, "2_b_rollback.sql", "SELECT 2;");

        failsNaming(dir, Layout.PLAIN, "2_b_rollback.sql").hasMessageContaining("no up migration");
    }

    @Test
    void twoMigrationsWithOneVersionAreAnInputErrorNamingBoth() {
        write(dir, "1_a.sql", "SELECT 1;");
        write(dir, "001_b.sql", "SELECT 2;");

        failsNaming(dir, Layout.PLAIN, "001_b.sql").hasMessageContaining("1_a.sql");
    }

    @Test
    void aFileWithToolMarkersIsNotPlain() {
        write(dir, "1_a.sql", "-- +goose Up\nSELECT 1;\n");

        failsNaming(dir, Layout.PLAIN, "1_a.sql").hasMessageContaining("not a plain migration");
        assertThat(discover(dir, Layout.AUTO).layout()).isEqualTo(Layout.GOOSE);
    }
}
