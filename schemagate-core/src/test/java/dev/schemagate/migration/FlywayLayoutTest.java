package dev.schemagate.migration;

import static dev.schemagate.migration.Folders.discover;
import static dev.schemagate.migration.Folders.failsNaming;
import static dev.schemagate.migration.Folders.versions;
import static dev.schemagate.migration.Folders.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayLayoutTest {

    @TempDir
    Path dir;

    @Test
    void ordersVersionsSegmentBySegment() {
        for (String version : new String[] {"2", "1.10", "1.9", "1_2", "1.1", "1"}) {
            write(dir, "V" + version + "__m.sql", "SELECT 1;");
        }

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.layout()).isEqualTo(Layout.FLYWAY);
        assertThat(versions(set)).containsExactly("1", "1.1", "1_2", "1.9", "1.10", "2");
    }

    @Test
    void dotAndUnderscoreSpellTheSameVersion() {
        write(dir, "V1.2__a.sql", "SELECT 1;");
        write(dir, "V1_2__b.sql", "SELECT 2;");

        failsNaming(dir, Layout.FLYWAY, "V1_2__b.sql").hasMessageContaining("V1.2__a.sql");
    }

    @Test
    void undoIsTheDownOfItsVersionAndRepeatablesComeLastByName() {
        write(dir, "R__views.sql", "CREATE VIEW v AS SELECT 1;");
        write(dir, "R__functions.sql", "CREATE FUNCTION f() RETURNS int AS 'SELECT 1' LANGUAGE sql;");
        write(dir, "V1__create.sql", "CREATE TABLE t (id int);");
        write(dir, "U1__create.sql", "DROP TABLE t;");
        write(dir, "V2__more.sql", "ALTER TABLE t ADD b int;");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(versions(set)).containsExactly("1", "2", "R", "R");
        assertThat(set.migrations()).extracting(Migration::displayName)
                .containsExactly("1 create", "2 more", "R functions", "R views");
        assertThat(set.migrations().get(0).down()).get().extracting(Script::text).isEqualTo("DROP TABLE t;");
        assertThat(set.migrations().get(1).down()).isEmpty();
    }

    @Test
    void undoWithoutVersionedMigrationIsAnInputError() {
        write(dir, "V1__a.sql", "SELECT 1;");
        write(dir, "U2__b.sql", "SELECT 2;");

        failsNaming(dir, Layout.AUTO, "U2__b.sql");
    }

    @Test
    void twoRepeatablesWithOneNameAreAnInputError() {
        write(dir, "R__views.sql", "SELECT 1;");
        write(dir, "sub/R__views.sql", "SELECT 2;");

        failsNaming(dir, Layout.FLYWAY, "R__views.sql").hasMessageContaining("sub");
    }

    @Test
    void readsSubfolders() {
        write(dir, "V1__a.sql", "SELECT 1;");
        write(dir, "v2/deeper/V2_1__b.sql", "SELECT 2;");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(versions(set)).containsExactly("1", "2_1");
        assertThat(set.migrations().get(1).up().file()).isEqualTo(dir.resolve("v2/deeper/V2_1__b.sql"));
    }

    @Test
    void aBaselineIsIgnoredWhileTheVersionedHistoryReachesIt() {
        write(dir, "V1__a.sql", "SELECT 1;");
        write(dir, "V2__b.sql", "SELECT 2;");
        write(dir, "B2__baseline.sql", "SELECT 12;");
        write(dir, "V3__c.sql", "SELECT 3;");

        assertThat(versions(discover(dir, Layout.AUTO))).containsExactly("1", "2", "3");
    }

    @Test
    void theLatestBaselineBelowTheHistoryStandsForItsDeletedPart() {
        write(dir, "B3__old_baseline.sql", "SELECT 3;");
        write(dir, "B5__baseline.sql", "SELECT 5;");
        write(dir, "V6__next.sql", "SELECT 6;");
        write(dir, "B7__newer_baseline.sql", "SELECT 7;");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.migrations()).extracting(Migration::displayName).containsExactly("5 baseline", "6 next");
    }

    @Test
    void aScriptConfigCanTakeAMigrationOutOfTheTransaction() {
        write(dir, "V1__index.sql", "CREATE INDEX CONCURRENTLY i ON t (a);");
        write(dir, "V1__index.sql.conf", "# Flyway script config\nexecuteInTransaction=false\n");
        write(dir, "V2__plain.sql", "SELECT 1;");
        write(dir, "V2__plain.sql.conf", "executeInTransaction=true\n");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.migrations()).extracting(m -> m.up().transactional()).containsExactly(false, true);
    }

    @Test
    void aConfigWithoutItsScriptIsAnInputError() {
        write(dir, "V1__a.sql", "SELECT 1;");
        write(dir, "V2__gone.sql.conf", "executeInTransaction=false\n");

        failsNaming(dir, Layout.AUTO, "V2__gone.sql.conf");
    }
}
