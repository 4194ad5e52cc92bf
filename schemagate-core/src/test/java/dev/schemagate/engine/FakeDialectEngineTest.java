package dev.schemagate.engine;

import dev.schemagate.check.Finding;
import dev.schemagate.check.ReversibilityFindings;
import dev.schemagate.check.StatementFailures;
import dev.schemagate.fake.FakeDialect;
import dev.schemagate.fake.FakeServer;
import dev.schemagate.matrix.MatrixResult;
import dev.schemagate.matrix.MatrixRun;
import dev.schemagate.matrix.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine on the fake dialect: no database, a map of tables in memory, so what is asserted is
 * the engine's own doing: the order it applies migrations in, where it says a failure is, the
 * reversibility verdicts, what it does when the dialect's DDL is not transactional, the matrix.
 */
class FakeDialectEngineTest {

    @TempDir
    Path dir;

    private VerifyResult verify(String dialect) {
        return new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(dir).withDialect(dialect)
                .withChecks(EnumSet.of(CheckName.REVERSIBILITY, CheckName.INTEGRITY)));
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql);
    }

    private static List<String> upsOnTheWorkingDatabase(FakeServer server) {
        return server.log().stream().filter(line -> line.startsWith("fake_1: ")).map(line -> line.substring(8)).toList();
    }

    @Test
    void migrationsApplyInVersionOrderEachCycledBeforeItIsApplied() throws IOException {
        write("10_c.up.sql", "create table c");
        write("10_c.down.sql", "drop table c");
        write("2_b.up.sql", "create table b (x)");
        write("2_b.down.sql", "drop table b");
        write("1_a.up.sql", "create table a");
        write("1_a.down.sql", "drop table a");

        VerifyResult result = verify("fake");

        assertThat(result.passed()).as(result.findings().toString()).isTrue();
        assertThat(result.runs()).extracting(r -> r.migration().displayName()).containsExactly("1 a", "2 b", "10 c");
        assertThat(result.runs()).extracting(MigrationRun::reversal).containsOnly(MigrationRun.Reversal.REVERSED);
        FakeServer server = FakeDialect.lastServer();
        assertThat(upsOnTheWorkingDatabase(server)).containsExactly(
                "create table a", "drop table a", "create table a", "create table a",
                "create table b (x)", "drop table b", "create table b (x)", "create table b (x)",
                "create table c", "drop table c", "create table c", "create table c");
        assertThat(server.clones()).as("a transactional dialect cycles in a transaction it rolls back").isZero();
        assertThat(server.closed()).isTrue();
    }

    @Test
    void aFailureIsAtItsStatementsLineAndColumnAndTheRestIsNotRun() throws IOException {
        write("1_a.up.sql", "create table a");
        write("1_a.down.sql", "drop table a");
        write("2_b.up.sql", "create table b;\n\n  drop table nothing;\n");
        write("2_b.down.sql", "drop table b");
        write("3_c.up.sql", "create table c");

        VerifyResult result = verify("fake");

        assertThat(result.runs()).extracting(MigrationRun::status).containsExactly(
                MigrationRun.Status.APPLIED, MigrationRun.Status.FAILED, MigrationRun.Status.NOT_RUN);
        Finding failure = result.findings().stream().filter(f -> f.ruleId().equals(StatementFailures.FAILED)).findFirst().orElseThrow();
        assertThat(failure.location().file()).isEqualTo(dir.resolve("2_b.up.sql"));
        assertThat(failure.location().line()).isEqualTo(3);
        assertThat(failure.location().column()).isEqualTo(14);
        assertThat(failure.message()).contains("no table nothing");
        assertThat(FakeDialect.lastServer().liveDatabases()).isEmpty();
    }

    @Test
    void eachReversibilityVerdictComesFromWhatTheDownScriptDid() throws IOException {
        write("1_good.up.sql", "create table a");
        write("1_good.down.sql", "drop table a");
        write("2_leaves.up.sql", "add column a.x");
        write("2_leaves.down.sql", "drop column a.x;\ncreate table stray");
        write("3_fails.up.sql", "create table b");
        write("3_fails.down.sql", "drop table nothing");
        write("4_none.up.sql", "create table c");

        VerifyResult result = verify("fake");

        assertThat(result.runs()).extracting(MigrationRun::reversal).containsExactly(MigrationRun.Reversal.REVERSED,
                MigrationRun.Reversal.NOT_RESTORED, MigrationRun.Reversal.FAILED, MigrationRun.Reversal.MISSING_DOWN);
        assertThat(result.findings()).extracting(Finding::ruleId).contains(ReversibilityFindings.NOT_RESTORED,
                ReversibilityFindings.DOWN_FAILED, ReversibilityFindings.MISSING_DOWN);
        assertThat(result.runs()).extracting(MigrationRun::status).containsOnly(MigrationRun.Status.APPLIED);
        assertThat(result.passed()).isFalse();
    }

    @Test
    void withoutTransactionalDdlEachCycleRunsOnACopyAndTheWorkingDatabaseSeesOnlyTheUps() throws IOException {
        write("1_a.up.sql", "create table a");
        write("1_a.down.sql", "drop table a");
        write("2_b.up.sql", "add column a.x");
        write("2_b.down.sql", "drop column a.x");

        VerifyResult result = verify("fakecommit");

        assertThat(result.passed()).as(result.findings().toString()).isTrue();
        assertThat(result.runs()).extracting(MigrationRun::reversal).containsOnly(MigrationRun.Reversal.REVERSED);
        FakeServer server = FakeDialect.lastServer();
        assertThat(server.clones()).isEqualTo(2);
        assertThat(upsOnTheWorkingDatabase(server)).containsExactly("create table a", "add column a.x");
    }

    @Test
    void aStatementThatCannotRunInATransactionIsCycledOnACopyEvenWhereDdlIsTransactional() throws IOException {
        write("1_a.up.sql", "create table a");
        write("1_a.down.sql", "drop table a");
        write("2_vacuum.up.sql", "vacuum");
        write("2_vacuum.down.sql", "vacuum");

        VerifyResult result = verify("fake");

        assertThat(result.passed()).as(result.findings().toString()).isTrue();
        assertThat(FakeDialect.lastServer().clones()).isEqualTo(1);
    }

    @Test
    void aMatrixOverBothFakesFindsTheMigrationWhoseOutcomeDiffers() throws IOException {
        write("1_a.up.sql", "create table a");
        write("1_a.down.sql", "drop table a");
        write("2_b.fake.up.sql", "add column a.x");
        write("2_b.fake.down.sql", "drop column a.x");
        write("2_b.fakecommit.up.sql", "add column a.x;\nadd column missing.y");
        write("2_b.fakecommit.down.sql", "drop column a.x");
        write("0_c.fake.up.sql", "create table c");
        write("0_c.fake.down.sql", "drop table c");
        write("0_c.fakecommit.up.sql", "create table c");

        MatrixResult result = new MatrixRun(target -> ProgressListener.NONE, outcome -> { })
                .run(VerifyOptions.of(dir).withChecks(EnumSet.of(CheckName.REVERSIBILITY)),
                        List.of(new Target("fake", null), new Target("fakecommit", null)), 2);

        assertThat(result.outcomes()).extracting(o -> o.target().label() + "=" + o.passed())
                .containsExactly("fake=true", "fakecommit=false");
        assertThat(result.outcomes().get(1).result().runs().get(0).reversal()).isEqualTo(MigrationRun.Reversal.MISSING_DOWN);
        assertThat(result.differences()).as("0 c: each dialect's own script, and only one has a down: each target's own verdict")
                .hasSize(1);
        assertThat(result.differences().get(0).migration()).isEqualTo("2 b");
        assertThat(result.differences().get(0).verdicts()).extracting(v -> v.outcome().id()).containsExactly("applied", "failed");
        assertThat(result.differences().get(0).verdicts().get(1).reason().location().line()).isEqualTo(2);
    }
}
