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

class GolangMigrateLayoutTest {

    @TempDir
    Path dir;

    @Test
    void pairsUpAndDownByVersionInNumericOrder() {
        write(dir, "10_c.up.sql", "SELECT 10;");
        write(dir, "2_b.up.sql", "SELECT 2;");
        write(dir, "2_b.down.sql", "SELECT -2;");
        write(dir, "20190101000001_a.up.sql", "SELECT 1;");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.layout()).isEqualTo(Layout.GOLANG_MIGRATE);
        assertThat(versions(set)).containsExactly("2", "10", "20190101000001");
        assertThat(set.migrations().get(0).description()).isEqualTo("b");
        assertThat(set.migrations().get(0).down()).get().extracting(Script::text).isEqualTo("SELECT -2;");
        assertThat(set.migrations().get(1).down()).isEmpty();
    }

    @Test
    void aFileForThisDialectReplacesTheCommonOneOfItsVersionAndDirection() {
        write(dir, "1_x.up.sql", "common up");
        write(dir, "1_x.postgres.up.sql", "postgres up");
        write(dir, "1_x.mysql.up.sql", "mysql up");
        write(dir, "1_x.down.sql", "common down");
        write(dir, "1_x.sqlite.down.sql", "sqlite down");
        write(dir, "2_y.pg.up.sql", "pg alias up");
        write(dir, "2_y.cockroach.up.sql", "cockroach up");
        write(dir, "3_z.mysql.up.sql", "mysql only");

        MigrationSet set = discover(dir, Layout.GOLANG_MIGRATE);

        assertThat(versions(set)).containsExactly("1", "2");
        Migration first = set.migrations().get(0);
        assertThat(first.description()).isEqualTo("x");
        assertThat(first.up().text()).isEqualTo("postgres up");
        assertThat(first.down()).get().extracting(Script::text).isEqualTo("common down");
        assertThat(set.migrations().get(1).up().text()).isEqualTo("pg alias up");
    }

    @Test
    void otherDialectsAreWhateverTheCallerSaysTheyAre() {
        write(dir, "1_x.up.sql", "common up");
        write(dir, "1_x.mysql.up.sql", "mysql up");
        write(dir, "1_x.postgres.up.sql", "postgres up");

        MigrationSet set = MigrationDiscovery.discover(dir, Layout.AUTO, DialectNames.of(List.of("mysql", "mariadb")));

        assertThat(set.migrations().get(0).up().text()).isEqualTo("mysql up");
    }

    @Test
    void autocommitScriptsRunOutsideATransaction() {
        write(dir, "1_a.autocommit.up.sql", "CREATE INDEX CONCURRENTLY i ON t (a);");
        write(dir, "1_a.down.sql", "DROP INDEX i;");
        write(dir, "2_b.postgres.autocommit.up.sql", "CREATE INDEX CONCURRENTLY j ON t (b);");
        write(dir, "2_b.postgres.autocommit.down.sql", "DROP INDEX CONCURRENTLY j;");

        MigrationSet set = discover(dir, Layout.AUTO);

        Migration first = set.migrations().get(0);
        assertThat(first.description()).isEqualTo("a");
        assertThat(first.up().transactional()).isFalse();
        assertThat(first.down()).get().extracting(Script::transactional).isEqualTo(true);
        Migration second = set.migrations().get(1);
        assertThat(second.up().transactional()).isFalse();
        assertThat(second.down()).get().extracting(Script::transactional).isEqualTo(false);
    }

    @Test
    void twoFilesOfThisDialectForOneVersionAndDirectionAreAnInputError() {
        write(dir, "1_a.postgres.up.sql", "SELECT 1;");
        write(dir, "1_a.postgres.autocommit.up.sql", "SELECT 2;");

        failsNaming(dir, Layout.AUTO, "1_a.postgres.up.sql").hasMessageContaining("1_a.postgres.autocommit.up.sql");
    }

    @Test
    void readsAutheliaNamesWithAnEmptyDownThatIsStillADown() {
        write(dir, "V0001.Initial_Schema.up.sql", "CREATE TABLE t (id int);");
        write(dir, "V0001.Initial_Schema.down.sql", "DROP TABLE t;");
        write(dir, "V0002.Nothing.up.sql", "");
        write(dir, "V0002.Nothing.down.sql", "");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.layout()).isEqualTo(Layout.GOLANG_MIGRATE);
        assertThat(versions(set)).containsExactly("0001", "0002");
        assertThat(set.migrations().get(0).displayName()).isEqualTo("0001 Initial_Schema");
        Migration empty = set.migrations().get(1);
        assertThat(empty.down()).isPresent();
        assertThat(empty.down().get().isBlank()).isTrue();
    }

    @Test
    void aSuffixThatIsNoDialectStaysInTheName() {
        write(dir, "1_add.users.up.sql", "SELECT 1;");

        assertThat(discover(dir, Layout.AUTO).migrations().get(0).description()).isEqualTo("add.users");
    }

    @Test
    void aDownWithoutAnUpForThisDialectIsAnInputError() {
        write(dir, "1_x.mysql.up.sql", "SELECT 1;");
        write(dir, "1_x.down.sql", "SELECT 2;");

        failsNaming(dir, Layout.AUTO, "1_x.down.sql").hasMessageContaining("no up migration");
    }

    @Test
    void whoRunsTheFolderDecidesTheTransactions() {
        write(dir, "1_a.up.sql", "SELECT 1;");
        write(dir, "1_a.down.sql", "SELECT 2;");
        assertThat(discover(dir, Layout.AUTO).migrations().get(0).up().transaction())
                .extracting(Transaction::mode, Transaction::tool).containsExactly(Transaction.Mode.ONE_QUERY, "golang-migrate");

        write(dir, "2_b.autocommit.up.sql", "CREATE INDEX CONCURRENTLY i ON t (a);");
        MigrationSet popx = discover(dir, Layout.AUTO);
        assertThat(popx.migrations()).extracting(m -> m.up().transaction().mode())
                .containsExactly(Transaction.Mode.WRAPPED, Transaction.Mode.ONE_QUERY);
        assertThat(popx.migrations().get(0).up().transaction().tool()).isEqualTo("popx");
    }

    @Test
    void autheliasNamesRunInItsOneTransaction() {
        write(dir, "V0001.Init.postgres.up.sql", "SELECT 1;");

        assertThat(discover(dir, Layout.AUTO).migrations().get(0).up().transaction())
                .extracting(Transaction::mode, Transaction::tool).containsExactly(Transaction.Mode.WRAPPED, "Authelia");
    }
}
