package dev.schemagate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** up → down → up for every migration: broken rollbacks are caught precisely, correct ones pass. */
class ReversibilityTest {

    private static final String URL = Examples.sharedServerUrl();

    @Test
    void aDownScriptThatLeavesAColumnBehindIsCaughtWithTheColumn() {
        CommandRun run = CommandRun.of("verify", Examples.example("broken/rollback-leaves-column"), "--db-url", URL);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out())
                .contains("rollback-leaves-column/0002_add_loyalty.down.sql: error: down script does not restore the schema: "
                        + "1 difference after up and down [reversibility.schema-not-restored]")
                .contains("    + table public.customers › column loyalty_points\n")
                .contains("✗ 0002 add_loyalty")
                .contains("✓ 0001 create_customers");
    }

    @Test
    void aDownScriptThatForgetsATypeMakesTheUpScriptFailAgain() {
        CommandRun run = CommandRun.of("verify", Examples.example("broken/rollback-forgets-type"), "--db-url", URL);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out())
                .contains("0001_create_tickets.down.sql: error: down script does not restore the schema: 1 difference")
                .contains("    + enum type public.ticket_state\n")
                .contains("0001_create_tickets.up.sql:1:13: error: up script fails when applied again after the down script: "
                        + "type \"ticket_state\" already exists (SQLSTATE 42710) [reversibility.reapply-failed]");
    }

    @Test
    void aChangedDefaultIsAFieldLevelDifference(@TempDir Path dir) throws IOException {
        write(dir, "1_t.up.sql", "CREATE TABLE t (id int PRIMARY KEY, state text DEFAULT 'new');");
        write(dir, "1_t.down.sql", "DROP TABLE t;");
        write(dir, "2_d.up.sql", "ALTER TABLE t ALTER COLUMN state SET DEFAULT 'open';");
        write(dir, "2_d.down.sql", "ALTER TABLE t ALTER COLUMN state DROP DEFAULT;");

        CommandRun run = CommandRun.of("verify", dir.toString(), "--db-url", URL);

        assertThat(run.out()).contains("~ table public.t › column state › defaultExpression: ''new'::text' → (none)");
    }

    /** On a schema large enough that the cycle reads again only what changed (PostgreSQL's change tracking). */
    @Test
    void aDownScriptThatChangesWhatItsUpNeverTouchedIsCaught(@TempDir Path dir) throws IOException {
        String filler = java.util.stream.IntStream.rangeClosed(1, 260).mapToObj(i -> "CREATE TABLE f" + i + " (id int);")
                .collect(java.util.stream.Collectors.joining("\n"));
        write(dir, "1_t.up.sql", "CREATE TABLE keep (id int PRIMARY KEY, note text); CREATE TABLE t (id int);"
                + " CREATE VIEW kept AS SELECT id FROM keep;\n" + filler);
        write(dir, "1_t.down.sql", "DROP TABLE t; DROP VIEW kept; DROP TABLE keep;\n" + filler.replace("CREATE TABLE", "DROP TABLE")
                .replace(" (id int)", ""));
        write(dir, "2_x.up.sql", "ALTER TABLE t ADD COLUMN x int;");
        write(dir, "2_x.down.sql", "ALTER TABLE t DROP COLUMN x; DROP VIEW kept;");
        write(dir, "3_y.up.sql", "ALTER TABLE t ADD COLUMN y int;");
        write(dir, "3_y.down.sql", "ALTER TABLE t DROP COLUMN y; ALTER TABLE keep RENAME COLUMN note TO remark;");

        CommandRun run = CommandRun.of("verify", dir.toString(), "--db-url", URL, "--checks", "apply,reversibility");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out())
                .contains("2_x.down.sql: error: down script does not restore the schema: 2 differences")
                .contains("- view public.kept")
                .contains("3_y.down.sql: error: down script does not restore the schema")
                .contains("column remark")
                .contains("✓ 1 t");
    }

    @Test
    void aColumnOrderChangedByTheRollbackIsOnlyAWarning(@TempDir Path dir) throws IOException {
        write(dir, "1_t.up.sql", "CREATE TABLE t (id int PRIMARY KEY, legacy text, name text);");
        write(dir, "1_t.down.sql", "DROP TABLE t;");
        write(dir, "2_d.up.sql", "ALTER TABLE t DROP COLUMN legacy;");
        write(dir, "2_d.down.sql", "ALTER TABLE t ADD COLUMN legacy text;");

        CommandRun run = CommandRun.of("verify", dir.toString(), "--db-url", URL, "--checks", "apply,reversibility");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("warning").contains("columns order: [id, legacy, name] → [id, name, legacy]");
    }

    @Test
    void missingDownScriptsAreErrorsUnlessAnnotatedOrHistoryBeforeTheBaseline(@TempDir Path dir) throws IOException {
        write(dir, "1_a.up.sql", "CREATE TABLE a (id int);");
        write(dir, "2_b.up.sql", "-- schemagate:irreversible data is archived elsewhere\nCREATE TABLE b (id int);");
        write(dir, "3_c.up.sql", "CREATE TABLE c (id int);");
        write(dir, "3_c.down.sql", "-- nothing to undo here\n");

        CommandRun strict = CommandRun.of("verify", dir.toString(), "--db-url", URL);
        CommandRun withBaseline = CommandRun.of("verify", dir.toString(), "--db-url", URL, "--baseline", "2");

        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(strict.out()).contains("1_a.up.sql: error: 1 a has no down script (or")
                .contains("2_b.up.sql:1: info: 2 b is irreversible on purpose: data is archived elsewhere")
                .contains("3_c.up.sql: error: 3 c has no down script (or one without a statement)");
        assertThat(withBaseline.exitCode()).as(withBaseline.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(withBaseline.out()).doesNotContain("1_a.up.sql:").doesNotContain("2_b.up.sql:")
                .contains("3_c.up.sql: error: 3 c has no down script (or one without a statement)")
                .contains("3 of 3 migrations applied (2 history at baseline 2, 1 checked)");
    }

    @Test
    void aForwardOnlyHistoryIsOneWarningForTheFolderNotAnErrorPerMigration(@TempDir Path dir) throws IOException {
        write(dir, "V1__create_a.sql", "CREATE TABLE a (id int);");

        CommandRun run = CommandRun.of("verify", dir.toString(), "--db-url", URL, "--checks", "apply,reversibility");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains(": warning: no migration has a down script, so reversibility cannot be checked "
                + "(1 migration, forward only) [reversibility.no-down-scripts]").doesNotContain("reversibility.missing-down");
    }

    @Test
    void aFailedCycleDoesNotPoisonTheMigrationsAfterIt(@TempDir Path dir) throws IOException {
        write(dir, "1_a.up.sql", "CREATE TABLE a (id int);\nCREATE INDEX CONCURRENTLY a_id ON a (id);");
        write(dir, "1_a.down.sql", "DROP INDEX CONCURRENTLY a_id;");
        write(dir, "2_b.up.sql", "ALTER TABLE a ADD COLUMN b int;");
        write(dir, "2_b.down.sql", "ALTER TABLE a DROP COLUMN b;");
        write(dir, "3_c.up.sql", "CREATE INDEX CONCURRENTLY a_b ON a (b);");
        write(dir, "3_c.down.sql", "DROP INDEX CONCURRENTLY a_b;");

        CommandRun run = CommandRun.of("verify", dir.toString(), "--db-url", URL, "--checks", "apply,reversibility");

        assertThat(run.out()).contains("1_a.down.sql: error: down script does not restore the schema")
                .contains("+ table public.a")
                .contains("✓ 2 b").contains("✓ 3 c")
                .contains("1_a.up.sql:2:1: error: CREATE INDEX CONCURRENTLY cannot run inside a transaction block")
                .contains("3 of 3 migrations applied").contains("3 errors");
    }

    @Test
    void theShopExampleIsFullyReversible() {
        CommandRun run = CommandRun.of("verify", Examples.example("shop"), "--db-url", URL);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines().filter(line -> line.contains("⇄"))).hasSize(12);
    }

    @Test
    void anUnknownCheckIsAUsageError() {
        CommandRun run = CommandRun.of("verify", Examples.example("shop"), "--checks", "apply,speed");

        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("unknown check 'speed'").contains("reversibility");
    }

    private static void write(Path dir, String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql);
    }
}
