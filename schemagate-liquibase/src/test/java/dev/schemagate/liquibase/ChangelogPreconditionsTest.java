package dev.schemagate.liquibase;

import dev.schemagate.check.ConditionFindings;
import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.migration.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A changelog's own preconditions that ask the database are checked by Liquibase before any of its
 * changesets runs: a failure stops the whole run at the preconditions element, {@code WARN} warns
 * and lets the changelog run, and {@code MARK_RAN} cannot skip a changelog.
 */
class ChangelogPreconditionsTest {

    private static ServerOptions server;

    @TempDir
    static Path dir;

    @BeforeAll
    static void sharedServer() {
        server = SharedServer.options();
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
