package dev.schemagate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classes of false alarm seen on real histories, each in both directions: what production data
 * would not suffer is not reported, and the hazardous variant still is.
 */
class TrueFindingsTest {

    private static final String URL = Examples.sharedServerUrl();

    @TempDir
    Path dir;

    @Test
    void aRollbackThatKeepsABackfillOfNullsLosesNothing() throws IOException {
        table();
        write("2_fill.up.sql", "ALTER TABLE t ADD COLUMN code text;");
        write("2_fill.down.sql", "ALTER TABLE t DROP COLUMN code;");
        write("3_backfill.up.sql", "UPDATE t SET code = 'x' WHERE code IS NULL;\nALTER TABLE t ALTER COLUMN code SET NOT NULL;");
        write("3_backfill.down.sql", "ALTER TABLE t ALTER COLUMN code DROP NOT NULL;");
        assertThat(verify().out()).doesNotContain("data.down-lost-rows").contains("⇄");
    }

    @Test
    void aRollbackThatOverwritesValuesStillLosesThem() throws IOException {
        table();
        write("2_norm.up.sql", "UPDATE t SET note = upper(note);");
        write("2_norm.down.sql", "UPDATE t SET note = 'lost';");
        CommandRun run = verify();
        assertThat(run.out()).as(run.toString()).contains("[data.down-lost-rows]").contains("⇄ rollback loses rows");
    }

    @Test
    void thePaddingOfACharacterColumnIsNoValue() throws IOException {
        write("1_t.up.sql", "CREATE TABLE t (id char(40) PRIMARY KEY, note text);");
        write("1_t.down.sql", "DROP TABLE t;");
        write("2_vary.up.sql", "ALTER TABLE t ALTER COLUMN id TYPE varchar(40);");
        write("2_vary.down.sql", "ALTER TABLE t ALTER COLUMN id TYPE char(40);");
        CommandRun run = verify();
        assertThat(run.out()).as(run.toString()).doesNotContain("data.down-lost-rows").doesNotContain("data.up-changed-rows");
    }

    @Test
    void aTimestampATriggerBumpsIsNoLoss() throws IOException {
        write("1_t.up.sql", """
                CREATE TABLE t (id int PRIMARY KEY, note text, updated_at timestamptz NOT NULL DEFAULT now());
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := clock_timestamp(); RETURN NEW; END $$;
                CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
                """);
        write("1_t.down.sql", "DROP TABLE t;\nDROP FUNCTION touch();");
        write("2_trim.up.sql", "UPDATE t SET note = note || ' ';");
        write("2_trim.down.sql", "UPDATE t SET note = rtrim(note);");
        assertThat(verify().out()).doesNotContain("data.down-lost-rows");
    }

    @Test
    void aForeignKeyAddedOverSyntheticValuesIsNoFailureButAMissingParentInTheMigrationIs() throws IOException {
        write("1_t.up.sql", "CREATE TABLE clients (id text PRIMARY KEY);\nCREATE TABLE tokens (id int PRIMARY KEY, client_id text NOT NULL);");
        write("1_t.down.sql", "DROP TABLE tokens;\nDROP TABLE clients;");
        write("2_fk.up.sql", "ALTER TABLE tokens ADD CONSTRAINT tokens_client_fk FOREIGN KEY (client_id) REFERENCES clients (id);");
        write("2_fk.down.sql", "ALTER TABLE tokens DROP CONSTRAINT tokens_client_fk;");
        CommandRun run = verify();
        assertThat(run.out()).as(run.toString()).doesNotContain("data.up-failed-with-rows").doesNotContain("fails-on-seeded-rows");

        write("3_orphans.up.sql", "UPDATE tokens SET client_id = client_id || '-old' WHERE id % 2 = 0;\n"
                + "ALTER TABLE tokens ADD CONSTRAINT tokens_client_fk2 FOREIGN KEY (client_id) REFERENCES clients (id);");
        write("3_orphans.down.sql", "ALTER TABLE tokens DROP CONSTRAINT tokens_client_fk2;");
        CommandRun broken = verify();
        assertThat(broken.out()).as(broken.toString()).contains("up script fails on the sample rows in the tables")
                .contains("[data.up-failed-with-rows]");
    }

    @Test
    void aMissingDownIsWeighedByWhatTheUpChanged() throws IOException {
        table();
        write("2_noop.up.sql", "SELECT 1;\nCREATE TABLE IF NOT EXISTS t (id int PRIMARY KEY, note text);");
        write("3_fix.up.sql", "UPDATE t SET note = 'fixed' WHERE id = 1;");
        write("4_schema.up.sql", "ALTER TABLE t ADD COLUMN extra int;");
        CommandRun run = verify();
        assertThat(run.out()).as(run.toString())
                .containsPattern("\\S*2_noop.up.sql: info: 2 noop has no down script, and its up script changed nothing")
                .containsPattern("\\S*3_fix.up.sql: warning: 3 fix has no down script, and its up script changes rows")
                .containsPattern("\\S*4_schema.up.sql: error: 4 schema has no down script")
                .containsPattern("✓ 2 noop .*⇄ no down").containsPattern("✗ 4 schema .*⇄ no down script");
    }

    @Test
    void functionBodiesThatDifferOnlyInWhitespaceAreANote() throws IOException {
        write("1_f.up.sql", "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a + 1';");
        write("1_f.down.sql", "DROP FUNCTION f(int);");
        write("2_f.up.sql", "CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a+2';");
        write("2_f.down.sql", "CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT   a+1';");
        write("3_f.up.sql", "CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a + 3';");
        write("3_f.down.sql", "CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a + 4';");
        CommandRun run = verify();
        assertThat(run.out()).as(run.toString())
                .containsPattern("\\S*2_f.down.sql: info: down script restores the schema except for whitespace in function bodies")
                .containsPattern("\\S*3_f.down.sql: error: down script does not restore the schema");
    }

    private void table() throws IOException {
        write("1_t.up.sql", "CREATE TABLE t (id int PRIMARY KEY, note text);");
        write("1_t.down.sql", "DROP TABLE t;");
    }

    private CommandRun verify() {
        return CommandRun.of("verify", dir.toString(), "--db-url", URL, "--checks=apply,reversibility,data,integrity,lint");
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql);
    }
}
