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

class LiquibaseLayoutTest {

    @TempDir
    Path dir;

    @Test
    void eachChangesetIsAMigrationNumberedByFileAndPosition() {
        StringBuilder many = new StringBuilder("--liquibase formatted sql\n");
        for (int i = 1; i <= 10; i++) {
            many.append("--changeset ann:").append(i).append("\nSELECT ").append(i).append(";\n");
        }
        write(dir, "a_first.sql", many.toString());
        write(dir, "b_second.sql", "--liquibase formatted sql\n--changeset bob:x\nSELECT 'b';\n");

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.layout()).isEqualTo(Layout.LIQUIBASE);
        assertThat(versions(set)).containsExactly("1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "2.1");
        assertThat(set.migrations().get(9).description()).isEqualTo("ann:10");
        assertThat(set.migrations().get(10).description()).isEqualTo("bob:x");
        assertThat(set.migrations().get(10).up().parts()).containsExactly(new ScriptPart("SELECT 'b';\n", 3, 1, ";"));
    }

    @Test
    void rollbackLinesAnywhereInTheChangesetMakeItsDownWithTheirPlaces() {
        write(dir, "changelog.sql", """
                --liquibase formatted sql

                --changeset ann:1
                CREATE TABLE t (
                  id int);
                --rollback DROP TABLE t;
                --rollback: DROP TABLE u;
                --comment: not SQL
                CREATE TABLE u (id int);
                """);

        Migration migration = discover(dir, Layout.LIQUIBASE).migrations().get(0);

        assertThat(migration.up().parts()).containsExactly(
                new ScriptPart("CREATE TABLE t (\n  id int);\n", 4, 1, ";"),
                new ScriptPart("CREATE TABLE u (id int);\n", 9, 1, ";"));
        assertThat(migration.down()).get().extracting(Script::parts)
                .isEqualTo(List.of(new ScriptPart("DROP TABLE t;\nDROP TABLE u;", 6, 12, ";")));
    }

    @Test
    void aMultiLineRollbackBlockKeepsItsTextAndLine() {
        write(dir, "changelog.sql", """
                --liquibase formatted sql
                --changeset ann:1
                CREATE TABLE t (id int);
                /* liquibase rollback
                DROP TABLE t;
                DROP TYPE x; */
                """);

        Migration migration = discover(dir, Layout.AUTO).migrations().get(0);

        assertThat(migration.up().text()).isEqualTo("CREATE TABLE t (id int);\n");
        assertThat(migration.down()).get().extracting(Script::parts)
                .isEqualTo(List.of(new ScriptPart("DROP TABLE t;\nDROP TYPE x; ", 5, 1, ";")));
    }

    @Test
    void emptyAndNotRequiredRollbacksAreDownsWithNothingToRun() {
        write(dir, "changelog.sql", """
                --liquibase formatted sql
                --changeset ann:1
                SELECT 1;
                --rollback empty
                --changeset ann:2
                SELECT 2;
                --rollback not required
                --changeset ann:3
                SELECT 3;
                """);

        List<Migration> migrations = discover(dir, Layout.AUTO).migrations();

        assertThat(migrations.get(0).down()).get().extracting(Script::parts).isEqualTo(List.of());
        assertThat(migrations.get(1).down()).get().extracting(Script::isBlank).isEqualTo(true);
        assertThat(migrations.get(2).down()).isEmpty();
    }

    @Test
    void attributesSetTransactionAndDelimiters() {
        write(dir, "changelog.sql", """
                --liquibase formatted sql
                --changeset ann:1 runInTransaction:false
                CREATE INDEX CONCURRENTLY i ON t (a);
                --rollback DROP INDEX CONCURRENTLY i;
                --changeset ann:2 splitStatements:false rollbackEndDelimiter:GO
                CREATE FUNCTION f() RETURNS int AS 'SELECT 1; SELECT 2' LANGUAGE sql;
                --rollback DROP FUNCTION f GO
                --changeset ann:3 endDelimiter:/ rollbackSplitStatements:false
                SELECT 1 /
                --rollback SELECT 2; SELECT 3;
                """);

        List<Migration> migrations = discover(dir, Layout.AUTO).migrations();

        assertThat(migrations.get(0).up().transactional()).isFalse();
        assertThat(migrations.get(0).down()).get().extracting(Script::transactional).isEqualTo(false);
        assertThat(migrations.get(1).up().transactional()).isTrue();
        assertThat(migrations.get(1).up().parts().get(0).delimiter()).isNull();
        assertThat(migrations.get(1).down().get().parts().get(0).delimiter()).isEqualTo("GO");
        assertThat(migrations.get(2).up().parts().get(0).delimiter()).isEqualTo("/");
        assertThat(migrations.get(2).down().get().parts().get(0).delimiter()).isNull();
    }

    @Test
    void dbmsAndIgnoreChooseTheChangesetsOfThisDialect() {
        write(dir, "changelog.sql", """
                --liquibase formatted sql
                --changeset ann:mysql-only dbms:mysql,mariadb
                SELECT 1;
                --changeset ann:postgres-only dbms:postgresql
                SELECT 2;
                --changeset ann:not-postgres dbms:!postgresql
                SELECT 3;
                --changeset ann:not-h2 dbms:!h2
                SELECT 4;
                --changeset ann:ignored ignore:true
                SELECT 5;
                --changeset ann:everywhere dbms:all
                SELECT 6;
                """);

        MigrationSet set = discover(dir, Layout.AUTO);

        assertThat(set.migrations()).extracting(Migration::displayName)
                .containsExactly("1.2 ann:postgres-only", "1.4 ann:not-h2", "1.6 ann:everywhere");
    }

    @Test
    void quotedAuthorsAndTextBeforeTheFirstChangesetAreReadAsLiquibaseDoes() {
        write(dir, "changelog.sql", "\uFEFF--liquibase formatted sql\n-- notes\n--changeset \"Ann Lee\":\"a 1\"\nSELECT 1;\n");

        Migration migration = discover(dir, Layout.AUTO).migrations().get(0);

        assertThat(migration.description()).isEqualTo("Ann Lee:a 1");
        assertThat(migration.up().parts()).containsExactly(new ScriptPart("SELECT 1;\n", 4, 1, ";"));
    }

    @Test
    void aChangesetWithoutSqlIsAnInputErrorAtItsLine() {
        write(dir, "changelog.sql", "--liquibase formatted sql\n--changeset ann:1\n--rollback SELECT 1;\n--changeset ann:2\nSELECT 2;\n");

        failsNaming(dir, Layout.AUTO, "changelog.sql:2:").hasMessageContaining("ann:1");
    }

    @Test
    void anUnclosedRollbackBlockIsAnInputErrorAtItsLine() {
        write(dir, "changelog.sql", "--liquibase formatted sql\n--changeset ann:1\nSELECT 1;\n/* liquibase rollback\nSELECT 2;\n");

        failsNaming(dir, Layout.AUTO, "changelog.sql:4:").hasMessageContaining("*/");
    }
}
