package dev.schemagate.mysql;

import dev.schemagate.check.Finding;
import dev.schemagate.check.IntegrityFindings;
import dev.schemagate.check.OutsideReach;
import dev.schemagate.check.ReversibilityFindings;
import dev.schemagate.check.StatementFailures;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.dialect.SessionSettings;
import dev.schemagate.dialect.Timeouts;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.migration.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine runs whole histories on one embedded MariaDB: apply, partial failure, reversibility on copies, data, integrity. */
class MysqlVerifyTest {

    private static final EmbeddedMariaDb server = MysqlTestServer.shared();

    @TempDir
    Path dir;

    /** The run's server, reached by URL like one this process started (as the JUnit extension does). */
    static ServerOptions serverOptions(EmbeddedMariaDb server) {
        return ServerOptions.privateServer("", server.address().url("") + "?user=" + server.address().user()
                + "&password=" + server.properties().getProperty("password"));
    }

    private VerifyResult verify() {
        return new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(dir).withDialect("mysql")
                .withServer(serverOptions(server)));
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql);
    }

    @Test
    void aGoodHistoryWithARoutineAndATriggerCyclesOnCopies() throws IOException {
        write("1_people.up.sql", """
                CREATE TABLE person (
                  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
                  name VARCHAR(40) NOT NULL,
                  kind ENUM('a','b') NOT NULL DEFAULT 'a',
                  updated TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
                CREATE TABLE pet (id INT PRIMARY KEY, owner_id INT UNSIGNED NOT NULL,
                  CONSTRAINT pet_owner FOREIGN KEY (owner_id) REFERENCES person (id));
                DELIMITER //
                CREATE TRIGGER person_name BEFORE INSERT ON person FOR EACH ROW
                BEGIN
                  SET NEW.name = TRIM(NEW.name);
                END//
                DELIMITER ;
                """);
        write("1_people.down.sql", "DROP TABLE pet;\nDROP TABLE person;\n");
        write("2_email.up.sql", "ALTER TABLE person ADD COLUMN email VARCHAR(80) NULL, ADD UNIQUE KEY person_email (email);\n");
        write("2_email.down.sql", "ALTER TABLE person DROP KEY person_email, DROP COLUMN email;\n");

        VerifyResult result = verify();

        assertThat(result.findings()).extracting(Finding::ruleId).isEmpty();
        assertThat(result.runs()).extracting(MigrationRun::reversal).containsOnly(MigrationRun.Reversal.REVERSED);
        assertThat(result.passed()).isTrue();
    }

    @Test
    void aDownThatLeavesTheIndexBehindIsNotRestored() throws IOException {
        write("1_a.up.sql", "CREATE TABLE a (id INT PRIMARY KEY, code VARCHAR(10));\n");
        write("1_a.down.sql", "DROP TABLE a;\n");
        write("2_index.up.sql", "CREATE INDEX a_code ON a (code);\nALTER TABLE a MODIFY code VARCHAR(20);\n");
        write("2_index.down.sql", "ALTER TABLE a MODIFY code VARCHAR(10);\n");

        VerifyResult result = verify();

        Finding notRestored = result.findings().stream()
                .filter(f -> f.ruleId().equals(ReversibilityFindings.NOT_RESTORED)).findFirst().orElseThrow();
        assertThat(notRestored.location().file().getFileName().toString()).isEqualTo("2_index.down.sql");
        assertThat(notRestored.evidence()).anyMatch(line -> line.contains("a_code"));
    }

    /** MySQL commits each schema change as it goes: statements 1 and 2 stay when 3 fails, and the finding says so. */
    @Test
    void aMigrationFailingHalfWaySaysWhichStatementsStayCommitted() throws IOException {
        write("1_a.up.sql", """
                CREATE TABLE a (id INT PRIMARY KEY);
                ALTER TABLE a ADD COLUMN b INT;
                ALTER TABLE missing ADD COLUMN c INT;
                ALTER TABLE a ADD COLUMN d INT;
                CREATE INDEX a_b ON a (b);
                """);
        write("1_a.down.sql", "DROP TABLE a;\n");

        VerifyResult result = verify();

        Finding failed = result.findings().stream().filter(f -> f.ruleId().equals(StatementFailures.FAILED))
                .findFirst().orElseThrow();
        assertThat(failed.location().line()).isEqualTo(3);
        assertThat(failed.message()).contains("Table 'missing' doesn't exist").contains("2 of the script's 5 statements (lines 1–2)")
                .contains("were committed");
        assertThat(failed.evidence()).contains("  line 1: CREATE TABLE a (id INT PRIMARY KEY)", "  line 2: ALTER TABLE a ADD COLUMN b INT");
        assertThat(result.runs().get(0).status()).isEqualTo(MigrationRun.Status.FAILED);
    }

    /** On a server other people use (--db-url), a migration that would drop another database is refused before anything runs. */
    @Test
    void onASharedServerAStatementReachingAnotherDatabaseIsRefused() throws IOException {
        write("1_a.up.sql", "CREATE TABLE a (id INT PRIMARY KEY);\n");
        write("1_a.down.sql", "DROP TABLE a;\n");
        write("2_cleanup.up.sql", "DROP DATABASE legacy;\n");
        ServerOptions shared = new ServerOptions("", serverOptions(server).url(), Timeouts.DEFAULT, true);

        VerifyResult result = new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(dir).withDialect("mysql")
                .withServer(shared));

        Finding refused = result.findings().stream().filter(f -> f.ruleId().equals(OutsideReach.RULE)).findFirst().orElseThrow();
        assertThat(refused.location().file().getFileName().toString()).isEqualTo("2_cleanup.up.sql");
        assertThat(result.applied()).isZero();
    }

    @Test
    void rowsLoadedWithForeignKeyChecksOffThatBreakAKeyAreAnIntegrityError() throws IOException {
        write("1_tables.up.sql", """
                CREATE TABLE parent (id INT PRIMARY KEY);
                CREATE TABLE child (id INT PRIMARY KEY, parent_id INT,
                  CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id));
                """);
        write("1_tables.down.sql", "DROP TABLE child;\nDROP TABLE parent;\n");
        write("2_load.up.sql", """
                SET foreign_key_checks = 0;
                INSERT INTO child VALUES (100, 999);
                SET foreign_key_checks = 1;
                """);
        write("2_load.down.sql", "DELETE FROM child WHERE id = 100;\n");

        VerifyResult result = verify();

        Finding orphans = result.findings().stream().filter(f -> f.ruleId().equals(IntegrityFindings.ORPHANS))
                .findFirst().orElseThrow();
        assertThat(orphans.location().file().getFileName().toString()).isEqualTo("2_load.up.sql");
        assertThat(orphans.message()).contains("foreign key child_parent of db.child");
        assertThat(orphans.evidence()).containsExactly("1 row references no row of parent (loaded while foreign_key_checks was 0)");
    }

    /**
     * A runner that turns foreign key checks off for its session (vaultwarden's does) lets rows in
     * that break a key; with the same setting in schemagate.yml the rows load as they would, and the
     * integrity check still finds them.
     */
    @Test
    void rowsLoadedUnderTheRunnersSessionSettingThatBreakAKeyAreAnIntegrityError() throws IOException {
        write("schemagate.yml", "session:\n  foreign_key_checks: 0\n");
        write("1_tables.up.sql", """
                CREATE TABLE child (id INT PRIMARY KEY, parent_id INT,
                  CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id));
                CREATE TABLE parent (id INT PRIMARY KEY);
                """);
        write("1_tables.down.sql", "DROP TABLE child;\nDROP TABLE parent;\n");
        write("2_load.up.sql", "INSERT INTO child VALUES (100, 999);\n");
        write("2_load.down.sql", "DELETE FROM child WHERE id = 100;\n");

        VerifyResult result = verify();

        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain(StatementFailures.FAILED);
        Finding orphans = result.findings().stream().filter(f -> f.ruleId().equals(IntegrityFindings.ORPHANS))
                .findFirst().orElseThrow();
        assertThat(orphans.location().file().getFileName().toString()).isEqualTo("2_load.up.sql");
        assertThat(orphans.evidence()).containsExactly("1 row references no row of parent (loaded while foreign_key_checks was 0)");
    }

    /**
     * A table rebuilt by rename, create and copy (vaultwarden's pattern) that gains a key: the rebuilt
     * table's generated key names start again at {@code items_ibfk_1}, the name the old table's key
     * to another table had, so keys are told apart by their columns and parent. The synthetic values
     * of the newly keyed column are pointed at parent rows, as production rows would be: no orphans.
     */
    @Test
    void aRebuiltTableGainingAKeyUnderTheRunnersSettingIsNotAnOrphanFinding() throws IOException {
        write("schemagate.yml", "session:\n  foreign_key_checks: 0\n");
        write("1_tables.up.sql", """
                CREATE TABLE users (id CHAR(36) PRIMARY KEY);
                CREATE TABLE orgs (id CHAR(36) PRIMARY KEY);
                CREATE TABLE items (id CHAR(36) PRIMARY KEY, user_id CHAR(36), org_id CHAR(36),
                  FOREIGN KEY (user_id) REFERENCES users (id));
                """);
        write("1_tables.down.sql", "DROP TABLE items;\nDROP TABLE orgs;\nDROP TABLE users;\n");
        write("2_rebuild.up.sql", """
                ALTER TABLE items RENAME TO old_items;
                CREATE TABLE items (id CHAR(36) PRIMARY KEY, user_id CHAR(36), org_id CHAR(36),
                  FOREIGN KEY (org_id) REFERENCES orgs (id), FOREIGN KEY (user_id) REFERENCES users (id));
                INSERT INTO items SELECT id, user_id, org_id FROM old_items;
                DROP TABLE old_items;
                """);

        VerifyResult result = verify();

        assertThat(result.applied()).isEqualTo(2);
        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain(IntegrityFindings.ORPHANS, StatementFailures.FAILED);
    }

    /** A setting the server does not know stops the run before anything runs, naming the setting and where to fix it. */
    @Test
    void aSessionSettingTheServerRefusesIsTheUsersToFix() throws IOException {
        write("1_a.up.sql", "CREATE TABLE a (id INT PRIMARY KEY);\n");
        VerifyOptions options = VerifyOptions.of(dir).withDialect("mysql").withServer(serverOptions(server)
                .withSession(SessionSettings.parse("--session", List.of("foreign_key_chekcs=0"))));

        assertThatThrownBy(() -> new Verifier(ProgressListener.NONE).verify(options)).isInstanceOf(InputException.class)
                .hasMessageContaining("foreign_key_chekcs").hasMessageContaining("Unknown system variable")
                .hasMessageContaining("--session");
    }

    /**
     * MariaDB's driver would send the server any file of this machine that a LOAD DATA LOCAL INFILE
     * names; every connection refuses, so the migration fails at its line and no row is read.
     */
    @Test
    void aMigrationLoadingALocalFileFailsWithoutReadingIt() throws IOException {
        Path secret = dir.resolve("secret.csv");
        Files.writeString(secret, "1\n2\n3\n");
        write("1_a.up.sql", "CREATE TABLE a (id INT PRIMARY KEY);\n");
        write("1_a.down.sql", "DROP TABLE a;\n");
        write("2_load.up.sql", "LOAD DATA LOCAL INFILE '" + secret + "' INTO TABLE a;\n");
        write("2_load.down.sql", "DELETE FROM a;\n");

        VerifyResult result = verify();

        Finding failed = result.findings().stream().filter(f -> f.ruleId().equals(StatementFailures.FAILED))
                .findFirst().orElseThrow();
        assertThat(failed.location().file().getFileName().toString()).isEqualTo("2_load.up.sql");
        assertThat(failed.location().line()).isEqualTo(1);
        assertThat(failed.message()).contains("LOAD DATA LOCAL INFILE would send a file of the machine running Schemagate")
                .doesNotContain("allowLocalInfile");
        assertThat(result.applied()).isEqualTo(1);
    }

    /** The driver refuses the file on any connection of the run, whatever the migration: nothing reaches the table. */
    @Test
    void noConnectionSendsALocalFile() throws Exception {
        Path secret = dir.resolve("secret.csv");
        Files.writeString(secret, "1\n2\n3\n");
        try (ScratchDatabase database = server.createDatabase(); Connection connection = database.connect();
             Statement sql = connection.createStatement()) {
            sql.execute("create table a (id int primary key)");
            assertThatThrownBy(() -> sql.execute("load data local infile '" + secret + "' into table a"))
                    .isInstanceOf(SQLException.class);
            try (ResultSet rows = sql.executeQuery("select count(*) from a")) {
                rows.next();
                assertThat(rows.getInt(1)).isZero();
            }
        }
    }
}
