package dev.schemagate.migration;

import static dev.schemagate.migration.Folders.discover;
import static dev.schemagate.migration.Folders.failsNaming;
import static dev.schemagate.migration.Folders.versions;
import static dev.schemagate.migration.Folders.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sqlx's files, read as sqlx-core's migration source reads them. */
class SqlxLayoutTest {

    @TempDir
    Path dir;

    @Test
    void readsSimpleAndReversibleMigrationsInNumericOrder() {
        write(dir, "20220102000000_add_b.up.sql", "ALTER TABLE t ADD b int;");
        write(dir, "20220102000000_add_b.down.sql", "ALTER TABLE t DROP b;");
        write(dir, "20220101000000_create_t.sql", "CREATE TABLE t (a int);");
        write(dir, "9_early.sql", "SELECT 1;");

        MigrationSet set = discover(dir, Layout.SQLX);

        assertThat(versions(set)).containsExactly("9", "20220101000000", "20220102000000");
        assertThat(set.migrations().get(1).down()).isEmpty();
        assertThat(set.migrations().get(2).down()).get().extracting(Script::text).isEqualTo("ALTER TABLE t DROP b;");
        assertThat(set.migrations()).extracting(m -> m.up().transaction().mode()).containsOnly(Transaction.Mode.WRAPPED);
    }

    @Test
    void noTransactionMustBeTheFirstBytesAndMakesTheFolderSqlx() {
        write(dir, "1_table.sql", "CREATE TABLE t (a int);");
        write(dir, "2_index.sql", "-- no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);");
        write(dir, "3_not_first.sql", "\n-- no-transaction\nSELECT 1;");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.layout()).isEqualTo(Layout.SQLX);
        assertThat(set.migrations()).extracting(m -> m.up().transaction().mode())
                .containsExactly(Transaction.Mode.WRAPPED, Transaction.Mode.ONE_QUERY, Transaction.Mode.WRAPPED);
    }

    @Test
    void theMarkerAfterAByteOrderMarkCountsAsReadingDropsTheMark() {
        write(dir, "1_table.sql", "CREATE TABLE t (a int);");
        write(dir, "2_index.sql", "\uFEFF-- no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.layout()).isEqualTo(Layout.SQLX);
        assertThat(set.migrations()).extracting(m -> m.up().transaction().mode())
                .containsExactly(Transaction.Mode.WRAPPED, Transaction.Mode.ONE_QUERY);
    }

    @Test
    void withoutTheMarkerTheSameNamesStayGolangMigrateAndPlain() {
        write(dir, "1_a.up.sql", "SELECT 1;");
        write(dir, "1_a.down.sql", "SELECT 2;");

        assertThat(discover(dir, Layout.AUTO).layout()).isEqualTo(Layout.GOLANG_MIGRATE);
    }

    @Test
    void filesOfOtherNamesAreIgnoredAndAVersionSqlxRefusesIsAnInputError() {
        write(dir, "1_a.sql", "SELECT 1;");
        write(dir, "schema.sql", "SELECT 2;");

        assertThat(discover(dir, Layout.SQLX).ignored()).extracting(IgnoredFile::file).containsExactly(dir.resolve("schema.sql"));

        write(dir, "0_zero.sql", "SELECT 3;");
        failsNaming(dir, Layout.SQLX, "0_zero.sql").hasMessageContaining("positive 64-bit");
    }
}
