package dev.schemagate.cli;

import dev.schemagate.check.Finding;
import dev.schemagate.check.ReversibilityFindings;
import dev.schemagate.check.Severity;
import dev.schemagate.check.StatementFailures;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.CheckName;
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
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole verify runs on the real server: each layout's scripts run as its tool runs them. */
class ToolTransactionsTest {

    private static final ServerOptions SERVER = new ServerOptions(ServerOptions.DEFAULT_VERSION, Examples.sharedServerUrl());

    @TempDir
    Path dir;

    @Test
    void aDieselMigrationWithAConcurrentIndexIsAnErrorUntilItsMetadataTakesItOutOfTheTransaction() throws IOException {
        write("2020-01-01-000000_table/up.sql", "CREATE TABLE t (a int);");
        write("2020-01-01-000000_table/down.sql", "DROP TABLE t;");
        write("2020-01-02-000000_index/up.sql", "CREATE INDEX CONCURRENTLY t_a ON t (a);");
        write("2020-01-02-000000_index/down.sql", "DROP INDEX CONCURRENTLY t_a;");
        write("2020-01-03-000000_after/up.sql", "ALTER TABLE t ADD b int;");
        write("2020-01-03-000000_after/down.sql", "ALTER TABLE t DROP b;");

        VerifyResult inTransaction = verify();

        assertThat(refusals(inTransaction)).extracting(f -> dir.relativize(f.location().file()).toString())
                .containsExactly("2020-01-02-000000_index/up.sql", "2020-01-02-000000_index/down.sql");
        assertThat(refusals(inTransaction)).allMatch(f -> f.severity() == Severity.ERROR
                && f.message().startsWith("CREATE INDEX CONCURRENTLY cannot run inside a transaction block")
                || f.message().startsWith("DROP INDEX CONCURRENTLY cannot run inside a transaction block"));
        assertThat(inTransaction.runs()).extracting(MigrationRun::status).containsOnly(MigrationRun.Status.APPLIED);
        assertThat(inTransaction.runs()).extracting(MigrationRun::reversal).containsExactly(MigrationRun.Reversal.REVERSED,
                MigrationRun.Reversal.FAILED, MigrationRun.Reversal.REVERSED);

        write("2020-01-02-000000_index/metadata.toml", "run_in_transaction = false\n");
        VerifyResult outside = verify();

        assertThat(refusals(outside)).isEmpty();
        assertThat(outside.passed()).as(outside.findings().toString()).isTrue();
        assertThat(outside.runs().get(1).autocommitReason()).isEqualTo("line 1 cannot run inside a transaction, and diesel sends it alone");
    }

    @Test
    void aRefusalTheApplyCheckShowsIsNotRepeatedByTheDialectsLintRule() throws IOException {
        write("2020-01-01-000000_table/up.sql", "CREATE TABLE t (a int);");
        write("2020-01-01-000000_table/down.sql", "DROP TABLE t;");
        write("2020-01-02-000000_index/up.sql", "CREATE INDEX CONCURRENTLY t_a ON t (a);");
        write("2020-01-02-000000_index/down.sql", "DROP INDEX CONCURRENTLY t_a;");

        VerifyResult result = new Verifier(new ProgressListener() { }).verify(VerifyOptions.of(dir).withServer(SERVER)
                .withChecks(Set.of(CheckName.APPLY, CheckName.LINT)));

        assertThat(refusals(result)).extracting(f -> f.location().file()).contains(dir.resolve("2020-01-02-000000_index/up.sql"));
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("lint.concurrently-in-transaction"))
                .extracting(Finding::location).doesNotContainAnyElementsOf(refusals(result).stream().map(Finding::location).toList());
    }

    @Test
    void aDownScriptOnlyTheRollbackRunsIsCaughtToo() throws IOException {
        write("V1__table.sql", "CREATE TABLE t (a int);");
        write("U1__table.sql", "DROP TABLE t;");
        write("V2__index.sql", "CREATE INDEX t_a ON t (a);");
        write("U2__index.sql", "SET lock_timeout = '2s';\nDROP INDEX CONCURRENTLY t_a;");

        VerifyResult result = verify();

        assertThat(refusals(result)).singleElement().satisfies(refusal -> {
            assertThat(refusal.location().file()).isEqualTo(dir.resolve("U2__index.sql"));
            assertThat(refusal.location().line()).isEqualTo(2);
            assertThat(refusal.message()).contains("Flyway refuses a migration that mixes");
        });
    }

    @Test
    void aFlywayHistoryWithoutUndoScriptsGetsOneFindingNotOnePerMigration() throws IOException {
        write("V1__a.sql", "CREATE TABLE a (id int);");
        write("V2__b.sql", "CREATE TABLE b (id int);");
        write("V3__c.sql", "CREATE TABLE c (id int);");

        VerifyResult result = verify();

        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly(ReversibilityFindings.NO_DOWN_SCRIPTS);
        assertThat(result.findings().get(0).hint()).contains("U<version>__<name>.sql");
        assertThat(result.runs()).extracting(MigrationRun::reversal).containsOnly(MigrationRun.Reversal.NOT_CHECKED);

        write("U1__a.sql", "DROP TABLE a;");
        assertThat(verify().findings()).extracting(Finding::ruleId)
                .containsExactly(ReversibilityFindings.MISSING_DOWN, ReversibilityFindings.MISSING_DOWN);
    }

    @Test
    void filesTheToolIgnoresAreNotesAndTheRunPasses() throws IOException {
        write("2020-01-01-000000_table/up.sql", "CREATE TABLE t (a int);");
        write("2020-01-01-000000_table/down.sql", "DROP TABLE t;");
        write("schema.sql", "this is not SQL at all");

        VerifyResult result = verify();

        assertThat(result.passed()).isTrue();
        assertThat(result.findings()).singleElement().satisfies(note -> {
            assertThat(note.ruleId()).isEqualTo(StatementFailures.IGNORED_FILE);
            assertThat(note.severity()).isEqualTo(Severity.INFO);
            assertThat(note.location().file()).isEqualTo(dir.resolve("schema.sql"));
        });
    }

    private VerifyResult verify() {
        VerifyOptions options = VerifyOptions.of(dir).withServer(SERVER)
                .withChecks(Set.of(CheckName.APPLY, CheckName.REVERSIBILITY));
        return new Verifier(new ProgressListener() { }).verify(options);
    }

    private static List<Finding> refusals(VerifyResult result) {
        return result.findings().stream().filter(f -> f.ruleId().equals(StatementFailures.NOT_IN_TRANSACTION)).toList();
    }

    private void write(String relative, String sql) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
    }
}
