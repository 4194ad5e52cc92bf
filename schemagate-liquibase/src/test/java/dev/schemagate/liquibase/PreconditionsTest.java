package dev.schemagate.liquibase;

import dev.schemagate.check.ConditionFindings;
import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.lint.LintConfig;
import dev.schemagate.lint.LintResult;
import dev.schemagate.lint.Linter;
import dev.schemagate.migration.ChangelogSettings;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.postgres.TestServer;
import dev.schemagate.report.Ansi;
import dev.schemagate.report.ConsoleReport;
import dev.schemagate.postgres.lint.DropTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Preconditions that ask the database are checked by Liquibase on the scratch database at the
 * changeset's turn, and their onFail/onError decide as in a Liquibase update. A changelog's own
 * preconditions are checked before any of its changesets runs: a failure stops the whole run at the
 * preconditions element, {@code WARN} warns and lets the changelog run, and {@code MARK_RAN} cannot
 * skip a changelog.
 */
class PreconditionsTest {

    private static ServerOptions server;

    @TempDir
    static Path dir;

    @BeforeAll
    static void sharedServer() {
        server = SharedServer.options();
    }

    @Test
    void preconditionsSeeTheDatabaseTheChangesetsBeforeThemLeft() throws IOException {
        Path changelog = write("checks.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: legacy
                      author: ann
                      changes:
                        - createTable:
                            tableName: orders
                            columns:
                              - column: {name: id, type: bigint}
                  - changeSet:
                      id: create-orders-unless-there
                      author: ann
                      preConditions:
                        - onFail: MARK_RAN
                        - not:
                            - tableExists: {tableName: orders}
                      changes:
                        - createTable:
                            tableName: orders
                            columns:
                              - column: {name: id, type: bigint}
                  - changeSet:
                      id: drop-orders-when-one-row
                      author: ann
                      preConditions:
                        - onFail: CONTINUE
                        - sqlCheck:
                            expectedResult: 1
                            sql: SELECT count(*) FROM orders
                      changes:
                        - dropTable: {tableName: orders}
                  - changeSet:
                      id: note-after-legacy
                      author: ann
                      preConditions:
                        - changeSetExecuted: {id: legacy, author: ann, changeLogFile: checks.yaml}
                        - columnExists: {tableName: orders, columnName: id}
                        - sqlCheck:
                            expectedResult: 0
                            sql: SELECT count(*) FROM orders
                      changes:
                        - addColumn:
                            tableName: orders
                            columns:
                              - column: {name: note, type: text}
                  - changeSet:
                      id: index-warned
                      author: ann
                      preConditions:
                        - onFail: WARN
                        - indexExists: {indexName: orders_note_idx}
                      changes:
                        - createIndex:
                            tableName: orders
                            indexName: orders_id_idx
                            columns:
                              - column: {name: id}
                """);

        VerifyResult result = verify(changelog);

        assertThat(result.runs()).extracting(run -> run.migration().description(), MigrationRun::status).containsExactly(
                tuple("ann:legacy", MigrationRun.Status.APPLIED),
                tuple("ann:create-orders-unless-there", MigrationRun.Status.SKIPPED),
                tuple("ann:drop-orders-when-one-row", MigrationRun.Status.SKIPPED),
                tuple("ann:note-after-legacy", MigrationRun.Status.APPLIED),
                tuple("ann:index-warned", MigrationRun.Status.APPLIED));
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals(ConditionFindings.NOT_MET))
                .extracting(Finding::location, Finding::severity).containsExactly(
                        tuple(new Location(changelog, 10, 0), Severity.INFO),
                        tuple(new Location(changelog, 22, 0), Severity.INFO),
                        tuple(new Location(changelog, 46, 0), Severity.WARNING));
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals(ConditionFindings.NOT_MET)).element(1)
                .extracting(Finding::message).asString().contains("onFail=\"CONTINUE\"", "1");
        assertThat(result.runs().get(3).reversal()).as("its derived rollback is still checked").isEqualTo(MigrationRun.Reversal.REVERSED);
        assertThat(result.findings()).as("a skipped changeset is no failure").noneMatch(f -> f.ruleId().startsWith("apply.")
                && f.severity() == Severity.ERROR);
        assertThat(result.runs().get(1).outcome().ok()).isTrue();
        assertThat(ConsoleReport.verdict(result, Ansi.PLAIN)).contains("3 of 5 migrations applied, 2 skipped by their preconditions");
    }

    @Test
    void aHaltStopsTheRunAtTheChangesetWithItsMessage() throws IOException {
        Path changelog = write("halt.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                    <changeSet id="invoices" author="bo">
                        <createTable tableName="invoices"><column name="id" type="bigint"/></createTable>
                    </changeSet>
                    <changeSet id="invoice-customer" author="bo">
                        <preConditions onFailMessage="customers comes from the billing changelog; run it first">
                            <tableExists tableName="customers"/>
                        </preConditions>
                        <addColumn tableName="invoices"><column name="customer_id" type="bigint"/></addColumn>
                    </changeSet>
                    <changeSet id="later" author="bo">
                        <createTable tableName="later"><column name="id" type="bigint"/></createTable>
                    </changeSet>
                </databaseChangeLog>
                """);

        VerifyResult result = verify(changelog);

        assertThat(result.runs()).extracting(MigrationRun::status).containsExactly(MigrationRun.Status.APPLIED,
                MigrationRun.Status.FAILED, MigrationRun.Status.NOT_RUN);
        Finding halted = result.findings().stream().filter(f -> f.ruleId().equals(ConditionFindings.HALTED)).findFirst().orElseThrow();
        assertThat(halted.location()).isEqualTo(new Location(changelog, 9, 0));
        assertThat(halted.severity()).isEqualTo(Severity.ERROR);
        assertThat(halted.message()).contains("bo:invoice-customer", "onFail=\"HALT\"",
                "customers comes from the billing changelog; run it first");
        assertThat(result.passed()).isFalse();
    }

    @Test
    void aSqlCheckThatCannotRunIsHandledByOnError() throws IOException {
        Path changelog = write("error.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: guarded
                      author: cy
                      preConditions:
                        - onError: MARK_RAN
                        - sqlCheck:
                            expectedResult: 0
                            sql: SELECT count(*) FROM no_such_table
                      changes:
                        - createTable:
                            tableName: guarded
                            columns:
                              - column: {name: id, type: bigint}
                  - changeSet:
                      id: after
                      author: cy
                      changes:
                        - createTable:
                            tableName: after_guarded
                            columns:
                              - column: {name: id, type: bigint}
                """);

        VerifyResult result = verify(changelog);

        assertThat(result.runs()).extracting(MigrationRun::status).containsExactly(MigrationRun.Status.SKIPPED,
                MigrationRun.Status.APPLIED);
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals(ConditionFindings.NOT_MET)).singleElement()
                .extracting(Finding::message).asString().contains("onError=\"MARK_RAN\"", "no_such_table");
    }

    @Test
    void theObservedLintLeavesOutWhatThePreconditionsSkipAndTheTextLintSaysItCannotTell() throws IOException {
        Path changelog = write("lint.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: orders
                      author: di
                      changes:
                        - createTable:
                            tableName: orders
                            columns:
                              - column: {name: id, type: bigint}
                  - changeSet:
                      id: drop-legacy-orders
                      author: di
                      preConditions:
                        - onFail: MARK_RAN
                        - tableExists: {tableName: legacy_flag}
                      changes:
                        - dropTable: {tableName: orders}
                """);
        Dialect dialect = Dialects.byId("postgres");
        MigrationSet set = new LiquibaseChangelogReader().read(changelog, ChangelogSettings.none(), Dialects.names(dialect));
        Linter linter = new Linter(dialect, LintConfig.defaults());

        LintResult observed;
        try (ScratchDatabase scratch = TestServer.shared().createDatabase()) {
            observed = linter.lintObserved(set, scratch, 3);
        }
        LintResult text = linter.lint(set, HistoryCut.none());

        assertThat(observed.findings()).extracting(Finding::ruleId).doesNotContain(DropTable.RULE.id());
        assertThat(observed.findings()).filteredOn(f -> f.ruleId().equals(ConditionFindings.NOT_MET)).singleElement()
                .satisfies(note -> assertThat(note.message()).contains("di:drop-legacy-orders", "onFail=\"MARK_RAN\""));
        assertThat(text.findings()).extracting(Finding::ruleId).contains(DropTable.RULE.id());
        assertThat(ConditionFindings.undecided(set)).get().satisfies(note -> {
            assertThat(note.location()).isEqualTo(new Location(changelog, 10, 0));
            assertThat(note.message()).contains("1 migration has", "di:drop-legacy-orders");
        });
    }

    @Test
    void aFailingChangelogPreconditionStopsTheRunBeforeAnyChangeset() throws IOException {
        Path changelog = write("guarded.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                    <preConditions onFailMessage="the billing schema must be installed first">
                        <tableExists tableName="customers"/>
                    </preConditions>
                    <changeSet id="invoices" author="bo">
                        <createTable tableName="invoices"><column name="id" type="bigint"/></createTable>
                    </changeSet>
                    <changeSet id="later" author="bo">
                        <createTable tableName="later"><column name="id" type="bigint"/></createTable>
                    </changeSet>
                </databaseChangeLog>
                """);

        VerifyResult result = verify(changelog);

        assertThat(result.runs()).extracting(MigrationRun::status).containsExactly(MigrationRun.Status.NOT_RUN,
                MigrationRun.Status.NOT_RUN);
        Finding halted = result.findings().stream().filter(f -> f.ruleId().equals(ConditionFindings.HALTED)).findFirst().orElseThrow();
        assertThat(result.stopReason()).contains(halted.message());
        assertThat(halted.location()).isEqualTo(new Location(changelog, 6, 0));
        assertThat(halted.severity()).isEqualTo(Severity.ERROR);
        assertThat(halted.message()).contains("changelog's preconditions", "onFail=\"HALT\"", "the billing schema must be installed first");
        assertThat(result.passed()).isFalse();
    }

    @Test
    void warnLetsTheChangelogRunWithAWarningAtItsPreconditions() throws IOException {
        Path changelog = write("warned.yaml", """
                databaseChangeLog:
                  - preConditions:
                      - onFail: WARN
                      - onFailMessage: customers comes from the billing changelog
                      - tableExists: {tableName: customers}
                  - changeSet:
                      id: orders
                      author: ann
                      changes:
                        - createTable:
                            tableName: orders
                            columns:
                              - column: {name: id, type: bigint}
                """);

        VerifyResult result = verify(changelog);

        assertThat(result.runs()).extracting(MigrationRun::status).containsExactly(MigrationRun.Status.APPLIED);
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals(ConditionFindings.NOT_MET)).singleElement()
                .satisfies(f -> {
                    assertThat(f.location()).isEqualTo(new Location(changelog, 2, 0));
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("onFail=\"WARN\"", "customers comes from the billing changelog");
                });
    }

    @Test
    void markRanCannotSkipAChangelogAndStopsTheRun() throws IOException {
        Path changelog = write("marked.yaml", """
                databaseChangeLog:
                  - preConditions:
                      - onFail: MARK_RAN
                      - sqlCheck:
                          expectedResult: 1
                          sql: SELECT count(*) FROM pg_tables WHERE tablename = 'customers'
                  - changeSet:
                      id: orders
                      author: ann
                      changes:
                        - createTable:
                            tableName: orders
                            columns:
                              - column: {name: id, type: bigint}
                """);

        VerifyResult result = verify(changelog);

        assertThat(result.runs()).extracting(MigrationRun::status).containsExactly(MigrationRun.Status.NOT_RUN);
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals(ConditionFindings.HALTED)).singleElement()
                .extracting(Finding::message).asString().contains("onFail=\"MARK_RAN\"");
    }

    @Test
    void anIncludedChangelogsPreconditionsAreCheckedBeforeTheFirstChangesetOfAll() throws IOException {
        Path child = write("billing.yaml", """
                databaseChangeLog:
                  - preConditions:
                      - tableExists: {tableName: customers}
                  - changeSet:
                      id: invoices
                      author: bo
                      changes:
                        - createTable:
                            tableName: invoices
                            columns:
                              - column: {name: id, type: bigint}
                """);
        Path master = write("master.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: first
                      author: bo
                      changes:
                        - createTable:
                            tableName: first
                            columns:
                              - column: {name: id, type: bigint}
                  - include:
                      file: billing.yaml
                      relativeToChangelogFile: true
                """);

        VerifyResult result = verify(master);

        assertThat(result.runs()).extracting(MigrationRun::status).containsExactly(MigrationRun.Status.NOT_RUN,
                MigrationRun.Status.NOT_RUN);
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals(ConditionFindings.HALTED)).singleElement()
                .extracting(Finding::location).isEqualTo(new Location(child, 2, 0));
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static VerifyResult verify(Path changelog) {
        return new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(changelog).withServer(server));
    }
}
