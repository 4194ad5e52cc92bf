package dev.schemagate.liquibase;

import dev.schemagate.engine.SnapshotSource;
import dev.schemagate.migration.InputException;
import dev.schemagate.migration.Layout;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.model.Table;
import dev.schemagate.postgres.PostgresDialect;
import dev.schemagate.postgres.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A snapshot (and so a diff) of a changelog applies the changesets verify applies: their
 * preconditions are decided on the scratch database the same way, so a changeset they skip is not
 * in the snapshot, one they warn about is, and preconditions that stop the run stop the snapshot.
 */
class ChangelogSnapshotPreconditionsTest {

    @Test
    void changesetsTheirPreconditionsSkipAreLeftOutOfTheSnapshot(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("db.changelog-master.yaml"), """
                databaseChangeLog:
                  - changeSet:
                      id: books
                      author: ann
                      changes:
                        - createTable: {tableName: books, columns: [{column: {name: id, type: bigint}}]}
                  - changeSet:
                      id: legacy
                      author: ann
                      preConditions:
                        - onFail: MARK_RAN
                        - tableExists: {tableName: legacy_source}
                      changes:
                        - createTable: {tableName: legacy_copy, columns: [{column: {name: id, type: bigint}}]}
                  - changeSet:
                      id: loans
                      author: ann
                      preConditions:
                        - onFail: CONTINUE
                        - sqlCheck: {expectedResult: 1, sql: "SELECT count(*) FROM pg_tables WHERE tablename = 'books'"}
                      changes:
                        - createTable: {tableName: loans, columns: [{column: {name: id, type: bigint}}]}
                  - changeSet:
                      id: warned
                      author: ann
                      preConditions:
                        - onFail: WARN
                        - tableExists: {tableName: nowhere}
                      changes:
                        - createTable: {tableName: warned, columns: [{column: {name: id, type: bigint}}]}
                """);

        Snapshot snapshot = snapshot(dir);

        assertThat(snapshot.tables()).extracting(Table::name)
                .containsExactlyInAnyOrder("books", "loans", "warned");
    }

    @Test
    void changelogPreconditionsThatStopTheRunStopTheSnapshotAndSayWhere(@TempDir Path dir) throws IOException {
        Path changelog = Files.writeString(dir.resolve("db.changelog-master.yaml"), """
                databaseChangeLog:
                  - preConditions:
                      - onFailMessage: the billing schema must be installed first
                      - tableExists: {tableName: customers}
                  - changeSet:
                      id: invoices
                      author: bo
                      changes:
                        - createTable: {tableName: invoices, columns: [{column: {name: id, type: bigint}}]}
                """);

        assertThatThrownBy(() -> snapshot(dir)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(changelog + ":2")
                .hasMessageContaining("onFail=\"HALT\"")
                .hasMessageContaining("the billing schema must be installed first");
    }

    private static Snapshot snapshot(Path dir) {
        return SnapshotSource.read(dir.toString(), new PostgresDialect(), TestServer.shared(), Layout.AUTO, SnapshotOptions.full());
    }
}
