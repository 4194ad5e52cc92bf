package dev.schemagate.migration;

import static dev.schemagate.migration.Folders.discover;
import static dev.schemagate.migration.Folders.failsNaming;
import static dev.schemagate.migration.Folders.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GooseLayoutTest {

    @TempDir
    Path dir;

    @Test
    void statementBlocksAreKeptWholeAndEveryPartKeepsItsLine() {
        write(dir, "00001_func.sql", """
                -- +goose Up
                CREATE TABLE t (id int);
                -- +goose StatementBegin
                CREATE FUNCTION f() RETURNS int AS $$
                BEGIN RETURN 1; END;
                $$ LANGUAGE plpgsql;
                -- +goose StatementEnd
                ALTER TABLE t ADD b int;

                -- +goose Down
                DROP FUNCTION f;
                DROP TABLE t;
                """);

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.layout()).isEqualTo(Layout.GOOSE);
        Migration migration = set.migrations().get(0);
        assertThat(migration.displayName()).isEqualTo("00001 func");
        assertThat(migration.up().parts()).containsExactly(
                new ScriptPart("CREATE TABLE t (id int);\n", 2, 1, ";"),
                new ScriptPart("CREATE FUNCTION f() RETURNS int AS $$\nBEGIN RETURN 1; END;\n$$ LANGUAGE plpgsql;\n", 4, 1, null),
                new ScriptPart("ALTER TABLE t ADD b int;\n\n", 8, 1, ";"));
        assertThat(migration.down()).get().extracting(Script::text).isEqualTo("DROP FUNCTION f;\nDROP TABLE t;\n");
        assertThat(migration.down().get().parts().get(0).line()).isEqualTo(11);
        assertThat(migration.up().transactional()).isTrue();
    }

    @Test
    void noTransactionTakesBothSectionsOutOfTheTransactionAndKeepsTheSqlAroundIt() {
        write(dir, "1_index.sql", """
                -- +goose Up
                CREATE TABLE t (a int);
                -- +goose NO TRANSACTION
                CREATE INDEX CONCURRENTLY i ON t (a);
                -- +goose Down
                DROP INDEX CONCURRENTLY i;
                """);

        Migration migration = discover(dir, Layout.GOOSE).migrations().get(0);

        assertThat(migration.up().transactional()).isFalse();
        assertThat(migration.down()).get().extracting(Script::transactional).isEqualTo(false);
        assertThat(migration.up().parts()).extracting(ScriptPart::line).containsExactly(2, 4);
    }

    @Test
    void annotationsAreReadWhateverTheirCase() {
        write(dir, "1_a.sql", "--  +goose up\nSELECT 1;\n-- +goose down\nSELECT 2;\n");

        Migration migration = discover(dir, Layout.AUTO).migrations().get(0);

        assertThat(migration.up().text()).isEqualTo("SELECT 1;\n");
        assertThat(migration.down()).get().extracting(Script::text).isEqualTo("SELECT 2;\n");
    }

    @Test
    void withoutADownAnnotationThereIsNoDown() {
        write(dir, "1_a.sql", "-- +goose Up\nSELECT 1;\n");

        assertThat(discover(dir, Layout.AUTO).migrations().get(0).down()).isEmpty();
    }

    @Test
    void goMigrationsAreUnsupportedInput() {
        write(dir, "1_a.sql", "-- +goose Up\nSELECT 1;\n");
        write(dir, "2_b.go", "package migrations\n");

        failsNaming(dir, Layout.AUTO, "2_b.go").hasMessageContaining("Go migration");
    }

    @Test
    void sqlBeforeTheUpAnnotationIsAnInputErrorWithItsLine() {
        write(dir, "1_a.sql", "-- +goose NO TRANSACTION\nSELECT 0;\n-- +goose Up\nSELECT 1;\n");

        failsNaming(dir, Layout.AUTO, "1_a.sql:2:");
    }

    @Test
    void anUnclosedStatementIsAnInputErrorAtItsBeginning() {
        write(dir, "1_a.sql", "-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n");

        failsNaming(dir, Layout.AUTO, "1_a.sql:2:").hasMessageContaining("StatementEnd");
    }

    @Test
    void anUnknownAnnotationIsAnInputError() {
        write(dir, "1_a.sql", "-- +goose Up\n-- +goose Sideways\nSELECT 1;\n");

        failsNaming(dir, Layout.AUTO, "1_a.sql:2:").hasMessageContaining("SIDEWAYS");
    }

    @Test
    void aFileWithoutAnUpAnnotationIsAnInputError() {
        write(dir, "1_a.sql", "-- +goose NO TRANSACTION\n");

        failsNaming(dir, Layout.AUTO, "1_a.sql").hasMessageContaining("-- +goose Up");
    }
}
