package dev.schemagate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows survive every up and down, and the database stays consistent: losses are caught, kept data passes. */
class DataCheckTest {

    private static final String URL = Examples.sharedServerUrl();
    private static final String CHECKS = "apply,reversibility,data,integrity";

    @Test
    void aRollbackThatBringsAColumnBackWithoutItsValuesIsCaughtWithASampleRow() {
        CommandRun run = verify(Examples.example("broken/rollback-loses-values"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out())
                .contains("0002_split_full_name.down.sql: error: rolling back 0002 split_full_name does not restore the values "
                        + "of 20 rows of public.customers [data.down-lost-rows]")
                .contains("compared columns: id, full_name")
                .containsPattern("- \\(id=\\d+, full_name=\\w+\\)   \\(a row before, gone after\\)")
                .containsPattern("\\+ \\(id=\\d+, full_name=NULL\\)")
                .doesNotContain("reversibility.schema-not-restored")
                .contains("✗ 0002 split_full_name").contains("⇄ rollback loses rows");
    }

    @Test
    void anUpScriptThatDeletesRowsOfATableItKeepsIsCaughtOnceNotBlamedOnTheDownScriptAgain() {
        CommandRun run = verify(Examples.example("broken/up-deletes-rows"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out())
                .contains("0002_sessions_per_user.up.sql: error: up script deletes 20 rows of public.sessions [data.up-lost-rows]")
                .doesNotContain("data.down-lost-rows");
    }

    @Test
    void aDownScriptThatLosesMoreThanTheUpScriptDeletedAnswersForTheRest(@TempDir Path dir) throws IOException {
        write(dir, "1_t.up.sql", "CREATE TABLE t (id int PRIMARY KEY, note text);");
        write(dir, "1_t.down.sql", "DROP TABLE t;");
        write(dir, "2_d.up.sql", "DELETE FROM t WHERE id % 2 = 0;\nALTER TABLE t ADD COLUMN extra int;");
        write(dir, "2_d.down.sql", "ALTER TABLE t DROP COLUMN extra;\nDELETE FROM t;");

        CommandRun run = verify(dir.toString());

        assertThat(run.out()).as(run.toString()).containsPattern("up script deletes (\\d+) rows of public.t")
                .containsPattern("rolling back 2 d loses \\d+ rows of public.t \\[data.down-lost-rows]");
    }

    @Test
    void aDownScriptThatRebuildsATableAndInsertsItsRowsWithoutTheirIdsRenumbersThem(@TempDir Path dir)
            throws IOException {
        write(dir, "1_t.up.sql", "CREATE TABLE devices (id serial PRIMARY KEY, name text NOT NULL);");
        write(dir, "1_t.down.sql", "DROP TABLE devices;");
        write(dir, "2_wide.up.sql", "ALTER TABLE devices ALTER COLUMN name TYPE varchar(200);");
        write(dir, "2_wide.down.sql", "ALTER TABLE devices RENAME TO devices_old;\n"
                + "CREATE TABLE devices (id serial PRIMARY KEY, name text NOT NULL);\n"
                + "INSERT INTO devices (name) SELECT name FROM devices_old ORDER BY id;\n"
                + "DROP TABLE devices_old;");

        CommandRun run = verify(dir.toString());

        assertThat(run.out()).as(run.toString())
                .contains("2_wide.down.sql: error: rolling back 2 wide does not restore the values of 20 rows of public.devices "
                        + "[data.down-lost-rows]")
                .containsPattern("- \\(id=10\\d\\d, name=")
                .containsPattern("\\+ \\(id=\\d{1,2}, name=");
    }

    @Test
    void theRowsAMigrationLeavesAreWhatItsUpScriptLeavesNotWhatItsCycleRanAfterIt(@TempDir Path dir) throws IOException {
        write(dir, "1_log.up.sql", "CREATE TABLE log (note text);");
        write(dir, "1_log.down.sql", "DROP TABLE log;");
        write(dir, "2_mark.up.sql", "INSERT INTO log VALUES ('up');");
        write(dir, "2_mark.down.sql", "INSERT INTO log VALUES ('down');");
        write(dir, "3_unique.up.sql", "CREATE UNIQUE INDEX log_note ON log (note);");
        write(dir, "3_unique.down.sql", "DROP INDEX log_note;");

        CommandRun run = verify(dir.toString());

        // the sample rows hold one 'up', as after one run of 2's up script: not a second one from its cycle
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).doesNotContain("is duplicated").contains("0 errors, 0 warnings");
    }

    @Test
    void anUpScriptWithoutAStatementNeedsNoDownScript(@TempDir Path dir) throws IOException {
        write(dir, "1_t.up.sql", "CREATE TABLE t (id int PRIMARY KEY);");
        write(dir, "1_t.down.sql", "DROP TABLE t;");
        write(dir, "2_other_database_only.up.sql", "-- this migration only concerns another database\n");

        CommandRun run = verify(dir.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).doesNotContain("reversibility.missing-down");
    }

    @Test
    void aDestructiveAnnotationTurnsTheLossIntoANote(@TempDir Path dir) throws IOException {
        write(dir, "1_t.up.sql", "CREATE TABLE t (id int PRIMARY KEY, note text);");
        write(dir, "1_t.down.sql", "DROP TABLE t;");
        write(dir, "2_purge.up.sql", "-- schemagate:destructive notes older than the retention period go\nDELETE FROM t WHERE id > 5;");
        write(dir, "2_purge.down.sql", "SELECT 1;");

        CommandRun run = verify(dir.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("2_purge.up.sql:1: info: up script deletes")
                .contains("as annotated: notes older than the retention period go [data.up-lost-rows]")
                .doesNotContain("data.down-lost-rows")
                .doesNotContain("error:");
    }

    @Test
    void aRebuiltTableWhoseSequenceStartsAgainIsCaught() {
        CommandRun run = verify(Examples.example("broken/sequence-behind"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out())
                .contains("0002_rebuild_items.up.sql: error: sequence items_new_id_seq is behind the values of public.items "
                        + "after 0002 rebuild_items [integrity.sequence-behind]")
                .containsPattern("next value 1, column id already holds \\d+");
    }

    @Test
    void correctMigrationsKeepEveryRowAndPass() {
        CommandRun run = verify(Examples.example("shop"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).doesNotContain("data.").doesNotContain("integrity.").contains("0 errors, 0 warnings");
    }

    @Test
    void anUpScriptThatOnlyFailsOnExistingRowsIsAWarningAndTheRunGoesOn(@TempDir Path dir) throws IOException {
        write(dir, "1_t.up.sql", "CREATE TABLE t (id int PRIMARY KEY);");
        write(dir, "1_t.down.sql", "DROP TABLE t;");
        write(dir, "2_c.up.sql", "ALTER TABLE t ADD COLUMN code text NOT NULL;");
        write(dir, "2_c.down.sql", "ALTER TABLE t DROP COLUMN code;");
        write(dir, "3_d.up.sql", "ALTER TABLE t ADD COLUMN note text;");
        write(dir, "3_d.down.sql", "ALTER TABLE t DROP COLUMN note;");

        CommandRun run = verify(dir.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("2_c.up.sql:1:26: warning: up script fails on the sample rows in the tables: column \"code\" of relation \"t\" "
                        + "contains null values (SQLSTATE 23502) [data.up-failed-with-rows]")
                .contains("every table held 20 synthetic rows")
                .contains("3 of 3 migrations applied, 0 errors, 1 warning");
    }

    @Test
    void orphansUnderANotValidForeignKeyAreErrorsAndTheConstraintLeftNotValidIsAWarning(@TempDir Path dir)
            throws IOException {
        write(dir, "1_t.up.sql", "CREATE TABLE parent (id int PRIMARY KEY);\nCREATE TABLE child (id int PRIMARY KEY, parent_id int);");
        write(dir, "1_t.down.sql", "DROP TABLE child;\nDROP TABLE parent;");
        write(dir, "2_fk.up.sql", "ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent NOT VALID;");
        write(dir, "2_fk.down.sql", "ALTER TABLE child DROP CONSTRAINT child_parent_fk;");

        CommandRun run = verify(dir.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out())
                .contains("2_fk.up.sql: error: foreign key child_parent_fk of public.child has orphan rows after 2 fk "
                        + "[integrity.foreign-key-orphans]")
                .containsPattern("\\d+ rows reference no row of parent")
                .contains("warning").contains("constraint child_parent_fk of public.child is still NOT VALID after the "
                        + "last migration (added by 2 fk) [integrity.not-valid-constraint]");
    }

    @Test
    void aConstraintAddedNotValidAndValidatedLaterIsTheSafePatternNotAWarning(@TempDir Path dir) throws IOException {
        write(dir, "1_t.up.sql", "CREATE TABLE t (id int PRIMARY KEY, qty int);");
        write(dir, "1_t.down.sql", "DROP TABLE t;");
        write(dir, "2_check.up.sql", "ALTER TABLE t ADD CONSTRAINT t_qty_positive CHECK (qty > 0) NOT VALID;");
        write(dir, "2_check.down.sql", "ALTER TABLE t DROP CONSTRAINT t_qty_positive;");
        write(dir, "3_validate.up.sql", "ALTER TABLE t VALIDATE CONSTRAINT t_qty_positive;");
        write(dir, "3_validate.down.sql", "SELECT 1;");

        CommandRun run = verify(dir.toString());

        assertThat(run.out()).as(run.toString()).doesNotContain("integrity.not-valid-constraint");
    }

    @Test
    void anIndexLeftInvalidIsAnError(@TempDir Path dir) throws IOException {
        write(dir, "1_t.up.sql", "CREATE TABLE t (id int PRIMARY KEY, code text);\nCREATE INDEX t_code ON t (code);\n"
                + "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 't_code'::regclass;");
        write(dir, "1_t.down.sql", "DROP TABLE t;");

        CommandRun run = verify(dir.toString());

        assertThat(run.out()).as(run.toString())
                .contains("1_t.up.sql: error: index t_code on public.t is invalid after 1 t [integrity.invalid-index]");
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
        String first = sample(verify(Examples.example("broken/rollback-loses-values"), "--seed", "7"));
        String again = sample(verify(Examples.example("broken/rollback-loses-values"), "--seed", "7"));
        String other = sample(verify(Examples.example("broken/rollback-loses-values"), "--seed", "8"));

        assertThat(first).isEqualTo(again).isNotEqualTo(other);
    }

    @Test
    void rowsSetHowManyRowsEachTableGets() {
        CommandRun run = verify(Examples.example("broken/up-deletes-rows"), "--rows", "5");

        assertThat(run.out()).contains("up script deletes 5 rows of public.sessions");
    }

    @Test
    void fewerThanOneRowIsAUsageErrorInVerifyAndLintAlike() {
        for (String command : new String[] {"verify", "lint"}) {
            CommandRun run = CommandRun.of(command, Examples.example("shop"), "--rows", "0");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INPUT);
            assertThat(run.err()).contains("--rows must be at least 1, not 0");
        }
    }

    private static CommandRun verify(String dir, String... more) {
        String[] args = new String[5 + more.length];
        args[0] = "verify";
        args[1] = dir;
        args[2] = "--db-url";
        args[3] = URL;
        args[4] = "--checks=" + CHECKS;
        System.arraycopy(more, 0, args, 5, more.length);
        return CommandRun.of(args);
    }

    private static String sample(CommandRun run) {
        return run.out().lines().filter(line -> line.contains("(a row before, gone after)")).findFirst().orElseThrow();
    }

    private static void write(Path dir, String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql);
    }
}
