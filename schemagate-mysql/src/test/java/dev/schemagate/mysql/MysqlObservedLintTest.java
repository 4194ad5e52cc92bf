package dev.schemagate.mysql;

import dev.schemagate.check.Finding;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.lint.LintConfig;
import dev.schemagate.lint.Linter;
import dev.schemagate.lint.Rules;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.MigrationDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the observed MySQL lint copes with what real histories do, on one embedded MariaDB with sample rows. */
class MysqlObservedLintTest {

    private static final EmbeddedMariaDb server = MysqlTestServer.shared();

    @TempDir
    Path dir;

    private List<Finding> lint(String given, String change) throws IOException {
        Files.writeString(dir.resolve("1_given.up.sql"), given);
        Files.writeString(dir.resolve("2_change.up.sql"), change);
        try (ScratchDatabase scratch = server.createDatabase()) {
            return new Linter(Dialects.byId("mysql"), LintConfig.defaults()).lintObserved(MigrationDiscovery.discover(dir,
                    Layout.AUTO, Dialects.names(Dialects.byId("mysql"))), scratch, 10).findings();
        }
    }

    @Test
    void aMixedCaseTableMovedAsideAndBuiltAgainIsNeitherARenameNorADrop() throws IOException {
        List<Finding> findings = lint("CREATE TABLE Orders (id INT PRIMARY KEY, total INT);\n", """
                ALTER TABLE Orders RENAME _old_orders;
                CREATE TABLE Orders (id INT PRIMARY KEY, total BIGINT);
                INSERT INTO Orders SELECT id, total FROM _old_orders;
                DROP TABLE _old_orders;
                """);

        assertThat(findings).isEmpty();
    }

    /**
     * A CHANGE that renames a column and drops its NOT NULL cannot be instant; MariaDB refuses the
     * clause without a reason, and the evidence says just that rather than repeat the clause.
     */
    @Test
    void aRefusalWithoutAReasonIsSaidToHaveNone() throws IOException {
        List<Finding> findings = lint("CREATE TABLE users (id INT PRIMARY KEY, `key` TEXT NOT NULL);\n",
                "ALTER TABLE users CHANGE COLUMN `key` akey TEXT;\n");

        assertThat(findings).filteredOn(f -> f.ruleId().equals("lint.mysql-rename-column")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).contains("observed: the server refused ALGORITHM=INSTANT without giving a reason")
                        .noneMatch(line -> line.contains("is not supported for this operation")));
    }

    @Test
    void anAlgorithmTheStatementNamesIsTakenAsWritten() throws IOException {
        List<Finding> findings = lint("CREATE TABLE orders (id INT PRIMARY KEY, total INT);\n",
                "ALTER TABLE orders MODIFY total BIGINT, ALGORITHM=COPY, LOCK=SHARED;\n");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("lint.mysql-change-column-type");
            assertThat(f.evidence()).anyMatch(line -> line.startsWith("observed: ran ALGORITHM=COPY as written without LOCK=NONE")
                    && line.contains("copied 10 rows"));
        });
    }

    @Test
    void aStatementThatFailsOnSampleRowsAfterDdlRunsAgainFromTheLastImplicitCommit() throws IOException {
        List<Finding> findings = lint("CREATE TABLE customers (code VARCHAR(20) PRIMARY KEY);\nCREATE TABLE orders (id INT PRIMARY KEY, customer_code VARCHAR(20));\n", """
                ALTER TABLE orders ADD COLUMN note TEXT;
                ALTER TABLE orders ADD CONSTRAINT orders_customer FOREIGN KEY (customer_code) REFERENCES customers (code);
                """);

        assertThat(findings).extracting(Finding::ruleId).doesNotContain(Rules.OBSERVATION_STOPPED.id())
                .contains(Rules.FAILS_ON_SEEDED_ROWS.id(), "lint.mysql-foreign-key-without-index");
        assertThat(findings).filteredOn(f -> f.ruleId().equals(Rules.FAILS_ON_SEEDED_ROWS.id())).singleElement()
                .satisfies(f -> assertThat(f.location().line()).isEqualTo(2));
    }

    @Test
    void aForeignKeyToATableALaterMigrationCreatesIsSeededWithoutItsParentNotLostAsAConnection() throws IOException {
        List<Finding> findings = lint("""
                SET foreign_key_checks = 0;
                CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, FOREIGN KEY (parent_id) REFERENCES parent (id));
                """, "CREATE TABLE parent (id INT PRIMARY KEY);\nALTER TABLE child ADD COLUMN note TEXT;\n");

        assertThat(findings).extracting(Finding::ruleId).doesNotContain(Rules.OBSERVATION_STOPPED.id());
    }

    @Test
    void wideningAVarcharWithinItsLengthBytesIsNoCopyOnTheTextAlone() throws IOException {
        Files.writeString(dir.resolve("1_given.up.sql"), "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(100), code VARCHAR(20));\n");
        Files.writeString(dir.resolve("2_change.up.sql"), "ALTER TABLE users MODIFY name VARCHAR(200);\nALTER TABLE users MODIFY code VARCHAR(300);\n");
        List<Finding> findings = new Linter(Dialects.byId("mysql"), LintConfig.defaults()).lint(MigrationDiscovery.discover(dir,
                Layout.AUTO, Dialects.names(Dialects.byId("mysql"))), HistoryCut.none()).findings();

        assertThat(findings).filteredOn(f -> f.ruleId().equals("lint.mysql-change-column-type")).singleElement()
                .satisfies(f -> assertThat(f.location().line()).isEqualTo(2));
    }

    /*
     * The run's own error paths: a table whose rows the server refuses is left empty with a note and
     * the run goes on; a server error while the run clears its sample rows (the connection still
     * answering) stops the observation with a note rather than the whole lint. Triggers that raise an
     * error make the server refuse, as an application's own triggers may.
     */

    @Test
    void aTableTheServerRefusesToSeedIsNotedAndTheChangeIsStillObserved() throws IOException {
        List<Finding> findings = lint("""
                CREATE TABLE orders (id INT PRIMARY KEY, total INT);
                CREATE TRIGGER orders_closed BEFORE INSERT ON orders FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'orders are closed';
                """, "ALTER TABLE orders MODIFY total BIGINT;\n");

        assertThat(findings).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("lint.seed-skipped");
            assertThat(f.location().file().getFileName().toString()).isEqualTo("2_change.up.sql");
            assertThat(f.message()).isEqualTo("table orders holds fewer sample rows than asked: 0 of 10 rows went in (orders are closed)");
        });
        assertThat(findings).as("the change is judged on the empty table, not stopped")
                .anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("lint.mysql-change-column-type"))
                .noneSatisfy(f -> assertThat(f.ruleId()).isEqualTo("lint.observation-stopped"));
    }

    @Test
    void aServerErrorWhileClearingTheSampleRowsStopsTheObservationWithANote() throws IOException {
        List<Finding> findings = lint("""
                CREATE TABLE orders (id INT PRIMARY KEY, total INT);
                CREATE TRIGGER orders_kept BEFORE DELETE ON orders FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'orders are kept';
                """, "UPDATE orders SET id = 5;\n");

        assertThat(findings).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("lint.observation-stopped");
            assertThat(f.location().file().getFileName().toString()).isEqualTo("2_change.up.sql");
            assertThat(f.message()).contains("the observation could not go on (the server said: orders are kept)",
                    "judged on their text alone");
        });
    }
}
