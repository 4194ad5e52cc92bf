package dev.schemagate.sqlite;

import dev.schemagate.check.Finding;
import dev.schemagate.check.IntegrityFindings;
import dev.schemagate.check.ReversibilityFindings;
import dev.schemagate.check.StatementFailures;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine runs a whole history on SQLite: apply, reversibility, data and integrity, on a folder written here. */
class SqliteVerifyTest {

    @TempDir
    Path dir;

    private VerifyResult verify() {
        return new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(dir).withDialect("sqlite"));
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql);
    }

    @Test
    void aGoodHistoryWithATriggerAndATableRebuildPasses() throws IOException {
        write("1_people.up.sql", """
                CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL, updated TEXT);
                CREATE TRIGGER person_touch AFTER UPDATE ON person BEGIN
                  UPDATE person SET updated = 'now' WHERE id = new.id;
                END;
                """);
        write("1_people.down.sql", "DROP TABLE person;\n");
        write("2_strict.up.sql", """
                CREATE TABLE person_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL, updated TEXT) STRICT;
                INSERT INTO person_new SELECT id, name, updated FROM person;
                DROP TABLE person;
                ALTER TABLE person_new RENAME TO person;
                CREATE TRIGGER person_touch AFTER UPDATE ON person BEGIN
                  UPDATE person SET updated = 'now' WHERE id = new.id;
                END;
                """);
        write("2_strict.down.sql", """
                CREATE TABLE person_old (id INTEGER PRIMARY KEY, name TEXT NOT NULL, updated TEXT);
                INSERT INTO person_old SELECT id, name, updated FROM person;
                DROP TABLE person;
                ALTER TABLE person_old RENAME TO person;
                CREATE TRIGGER person_touch AFTER UPDATE ON person BEGIN
                  UPDATE person SET updated = 'now' WHERE id = new.id;
                END;
                """);

        VerifyResult result = verify();

        assertThat(result.server()).startsWith("embedded SQLite 3.");
        assertThat(result.findings()).extracting(Finding::ruleId).isEmpty();
        assertThat(result.runs()).extracting(MigrationRun::reversal)
                .containsOnly(MigrationRun.Reversal.REVERSED);
        assertThat(result.passed()).isTrue();
    }

    @Test
    void aRebuildThatForgetsTheTriggerOnTheWayDownIsNotRestored() throws IOException {
        write("1_people.up.sql", """
                CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT);
                CREATE TRIGGER person_check BEFORE INSERT ON person BEGIN SELECT 1; END;
                """);
        write("1_people.down.sql", "DROP TABLE person;\n");
        write("2_strict.up.sql", """
                CREATE TABLE person_new (id INTEGER PRIMARY KEY, name TEXT) STRICT;
                INSERT INTO person_new SELECT * FROM person;
                DROP TABLE person;
                ALTER TABLE person_new RENAME TO person;
                """);
        write("2_strict.down.sql", "SELECT 1;\n");

        VerifyResult result = verify();

        Finding notRestored = result.findings().stream()
                .filter(f -> f.ruleId().equals(ReversibilityFindings.NOT_RESTORED)).findFirst().orElseThrow();
        assertThat(notRestored.location().file().getFileName().toString()).isEqualTo("2_strict.down.sql");
        assertThat(notRestored.evidence()).anyMatch(line -> line.contains("table main.person › strict: false → true"));
        assertThat(notRestored.evidence()).anyMatch(line -> line.contains("trigger person_check"));
    }

    @Test
    void aFailingStatementIsReportedAtItsFileAndLine() throws IOException {
        write("1_a.up.sql", "CREATE TABLE a (x);\n\nINSERT INTO missing VALUES (1);\n");
        write("1_a.down.sql", "DROP TABLE a;\n");

        VerifyResult result = verify();

        Finding failed = result.findings().stream().filter(f -> f.ruleId().equals(StatementFailures.FAILED)).findFirst().orElseThrow();
        assertThat(failed.location().line()).isEqualTo(3);
        assertThat(failed.message()).contains("no such table: missing");
        assertThat(result.runs().get(0).status()).isEqualTo(MigrationRun.Status.FAILED);
    }

    @Test
    void aFunctionSqliteLacksIsReportedWithWhoCanApplyTheScript() throws IOException {
        write("1_a.up.sql", "CREATE TABLE a (x BLOB);\nINSERT INTO a\nSELECT TO_BASE64(x) FROM a;\n");
        write("1_a.down.sql", "DROP TABLE a;\n");

        VerifyResult result = verify();

        Finding failed = result.findings().stream().filter(f -> f.ruleId().equals(StatementFailures.FAILED)).findFirst().orElseThrow();
        assertThat(failed.location().line()).isEqualTo(2);
        assertThat(failed.message()).contains("no such function: TO_BASE64");
        assertThat(failed.hint()).startsWith("SQLite has no function TO_BASE64 of its own. If the application registers it")
                .doesNotContain("Fix the statement");
    }

    @Test
    void rowsLeftPointingAtADroppedParentAreAnIntegrityError() throws IOException {
        write("1_tables.up.sql", """
                CREATE TABLE parent (id INTEGER PRIMARY KEY);
                CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id));
                """);
        write("1_tables.down.sql", "DROP TABLE child;\nDROP TABLE parent;\n");
        write("2_drop_parent.up.sql", "DROP TABLE parent;\n");
        write("2_drop_parent.down.sql", "CREATE TABLE parent (id INTEGER PRIMARY KEY);\n");

        VerifyResult result = verify();

        Finding orphans = result.findings().stream().filter(f -> f.ruleId().equals(IntegrityFindings.ORPHANS))
                .findFirst().orElseThrow();
        assertThat(orphans.location().file().getFileName().toString()).isEqualTo("2_drop_parent.up.sql");
        assertThat(orphans.evidence()).anyMatch(line -> line.contains("no table parent exists"));
    }

    /**
     * A rebuild that adds a foreign key copies the synthetic rows, whose values were never held to
     * it; they are made consistent with the new key first, as production rows would be, so no
     * orphans are blamed on the migration.
     */
    @Test
    void aRebuildAddingAForeignKeyIsJudgedOnRowsThatMatchIt() throws IOException {
        write("1_tables.up.sql", """
                CREATE TABLE parent (code TEXT PRIMARY KEY);
                CREATE TABLE child (id INTEGER PRIMARY KEY, parent_code TEXT);
                """);
        write("1_tables.down.sql", "DROP TABLE child;\nDROP TABLE parent;\n");
        write("2_add_key.up.sql", """
                CREATE TABLE child_new (id INTEGER PRIMARY KEY, parent_code TEXT REFERENCES parent (code));
                INSERT INTO child_new SELECT id, parent_code FROM child;
                DROP TABLE child;
                ALTER TABLE child_new RENAME TO child;
                """);
        write("2_add_key.down.sql", """
                CREATE TABLE child_old (id INTEGER PRIMARY KEY, parent_code TEXT);
                INSERT INTO child_old SELECT id, parent_code FROM child;
                DROP TABLE child;
                ALTER TABLE child_old RENAME TO child;
                """);

        VerifyResult result = verify();

        assertThat(result.findings()).extracting(Finding::ruleId).isEmpty();
        assertThat(result.runs()).extracting(MigrationRun::reversal).containsOnly(MigrationRun.Reversal.REVERSED);
    }

    /**
     * Each down script rebuilds the table as it was, except for one attribute only the CREATE TABLE
     * text holds: AUTOINCREMENT, a column's COLLATE, a generated column's expression.
     */
    @Test
    void aRollbackThatLosesAutoincrementACollateOrAGeneratedExpressionIsNotRestored() throws IOException {
        write("1_tables.up.sql", """
                CREATE TABLE ticket (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT);
                CREATE TABLE login (id INTEGER PRIMARY KEY, email TEXT COLLATE NOCASE);
                CREATE TABLE line (id INTEGER PRIMARY KEY, price REAL, taxed REAL GENERATED ALWAYS AS (price * 1.2) STORED);
                """);
        write("1_tables.down.sql", "DROP TABLE line;\nDROP TABLE login;\nDROP TABLE ticket;\n");
        write("2_ticket.up.sql", "ALTER TABLE ticket ADD COLUMN due TEXT;\n");
        write("2_ticket.down.sql", rebuild("ticket", "id INTEGER PRIMARY KEY, title TEXT", "id, title"));
        write("3_login.up.sql", "ALTER TABLE login ADD COLUMN name TEXT;\n");
        write("3_login.down.sql", rebuild("login", "id INTEGER PRIMARY KEY, email TEXT COLLATE RTRIM", "id, email"));
        write("4_line.up.sql", "ALTER TABLE line ADD COLUMN note TEXT;\n");
        write("4_line.down.sql", rebuild("line", "id INTEGER PRIMARY KEY, price REAL, taxed REAL GENERATED ALWAYS AS (price * 1.25) STORED",
                "id, price"));

        VerifyResult result = verify();

        assertThat(notRestored(result, "2_ticket.down.sql")).anyMatch(line -> line.contains("autoincrement"));
        assertThat(notRestored(result, "3_login.down.sql")).anyMatch(line -> line.contains("collation")
                && line.contains("NOCASE") && line.contains("RTRIM"));
        assertThat(notRestored(result, "4_line.down.sql")).anyMatch(line -> line.contains("generatedExpression")
                && line.contains("price * 1.25"));
        assertThat(result.findings()).filteredOn(f -> f.location().file().getFileName().toString().startsWith("1_")).isEmpty();
    }

    /** A down script that rebuilds {@code table} with {@code columns}, copying {@code copied}. */
    private static String rebuild(String table, String columns, String copied) {
        return "CREATE TABLE " + table + "_old (" + columns + ");\n"
                + "INSERT INTO " + table + "_old (" + copied + ") SELECT " + copied + " FROM " + table + ";\n"
                + "DROP TABLE " + table + ";\n"
                + "ALTER TABLE " + table + "_old RENAME TO " + table + ";\n";
    }

    private static java.util.List<String> notRestored(VerifyResult result, String file) {
        return result.findings().stream().filter(f -> f.ruleId().equals(ReversibilityFindings.NOT_RESTORED)
                        && f.location().file().getFileName().toString().equals(file))
                .findFirst().orElseThrow(() -> new AssertionError("no " + ReversibilityFindings.NOT_RESTORED + " on " + file
                        + ": " + result.findings())).evidence();
    }
}
