package dev.schemagate.engine;

import dev.schemagate.check.DataFindings;
import dev.schemagate.check.Finding;
import dev.schemagate.check.ReversibilityFindings;
import dev.schemagate.check.ScriptOutcome;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.check.Severity;
import dev.schemagate.check.StatementFailures;
import dev.schemagate.data.IntegrityProblem;
import dev.schemagate.diff.Difference;
import dev.schemagate.diff.SnapshotComparison;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.migration.Annotation;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.Version;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one migration through up → down → up again on a database that is then left as it was, before
 * the migration is applied for real, and proves along the way that down restores the schema, that
 * up works again and gives the same schema, and (with rows) that no rows are lost. A down script
 * holding a statement its tool's transaction refuses fails the rollback: it would fail in
 * production.
 *
 * <p>When the scripts can run in a transaction, the cycle runs in one that is rolled back (free);
 * otherwise on a clone of the database, dropped afterwards.
 */
final class MigrationCycle {

    private final Dialect dialect;
    private final ScriptRunner runner;
    private final VerifyOptions options;
    private final boolean historyHasDowns;

    /**
     * @param historyHasDowns false when no migration of the history has a down script: the history
     *                        is forward-only, one finding says so, and no migration is blamed alone
     */
    MigrationCycle(Dialect dialect, ScriptRunner runner, VerifyOptions options, boolean historyHasDowns) {
        this.dialect = dialect;
        this.runner = runner;
        this.options = options;
        this.historyHasDowns = historyHasDowns;
    }

    /**
     * Cycles {@code migration} on {@code database}, which is in the state {@code before}. With
     * {@code rows} (the rows the tables hold), the data is checked too; when the up script fails,
     * the result says so and the caller can cycle again without rows.
     */
    Result run(WorkingDatabase database, Migration migration, Snapshot before, RowWatch rows) throws SQLException {
        Optional<Script> down = migration.down()
                .filter(script -> !migration.repeatable() && !dialect.splitter().split(script).isEmpty());
        List<Finding> missingDown = missingDown(migration, down);
        if (down.isEmpty() && rows == null && !options.runs(CheckName.INTEGRITY)) {
            return new Result(null, withoutDown(missingDown), missingDown, List.of(), null);
        }
        boolean transactional = runner.fitsInTransaction(migration.up())
                && down.map(runner::fitsInTransaction).orElse(true);
        if (transactional) {
            Connection connection = database.connection();
            connection.setAutoCommit(false);
            try {
                return cycle(connection, migration, down, missingDown, before, rows);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        try (ScratchDatabase copy = database.checkpoint(); Connection connection = copy.connect()) {
            return cycle(connection, migration, down, missingDown, before, rows);
        }
    }

    private Result cycle(Connection connection, Migration migration, Optional<Script> down, List<Finding> missingDown,
                         Snapshot before, RowWatch rows) throws SQLException {
        ScriptOutcome up = run(connection, migration.up());
        if (!up.succeeded()) {
            return new Result(null, MigrationRun.Reversal.NOT_CHECKED, List.of(), List.of(), up.failure().orElseThrow());
        }
        List<Finding> findings = new ArrayList<>();
        Snapshot after = snapshot(connection);
        if (rows != null) {
            findings.addAll(rows.afterUp(connection, after));
        }
        List<IntegrityProblem> integrity = options.runs(CheckName.INTEGRITY)
                ? dialect.data().integrity(connection) : List.of();
        if (down.isEmpty()) {
            findings.addAll(missingDown);
            return new Result(after, withoutDown(missingDown), findings, integrity, null);
        }
        MigrationRun.Reversal reversal = reverse(connection, migration, down.get(), before, after, rows, findings);
        return new Result(after, reversal, findings, integrity, null);
    }

    /** Down, then up again (when the schema is checked); the reversibility verdict. */
    private MigrationRun.Reversal reverse(Connection connection, Migration migration, Script down, Snapshot before, Snapshot after,
                            RowWatch rows, List<Finding> findings) throws SQLException {
        boolean schema = options.runs(CheckName.REVERSIBILITY);
        int found = findings.size();
        ScriptOutcome reverted = run(connection, down);
        reverted.refusal().ifPresent(findings::add);
        if (!reverted.succeeded()) {
            findings.add(ReversibilityFindings.downFailed(reverted.failure().orElseThrow()));
            return MigrationRun.Reversal.FAILED;
        }
        Snapshot restored = snapshot(connection);
        List<Difference> left = schema ? SnapshotComparison.compare(before, restored) : List.of();
        if (!left.isEmpty()) {
            findings.add(ReversibilityFindings.notRestored(migration, left));
        }
        if (rows != null) {
            findings.addAll(rows.afterDown(connection, restored));
        }
        if (!schema) {
            return MigrationRun.Reversal.NOT_CHECKED;
        }
        ScriptOutcome reapplied = run(connection, migration.up());
        if (!reapplied.succeeded()) {
            findings.add(ReversibilityFindings.reapplyFailed(migration, reapplied.failure().orElseThrow()));
            return MigrationRun.Reversal.FAILED;
        }
        List<Difference> changed = SnapshotComparison.compare(after, snapshot(connection));
        if (!changed.isEmpty()) {
            findings.add(ReversibilityFindings.reapplyDiffers(migration, changed));
        }
        boolean clean = findings.subList(found, findings.size()).stream()
                .noneMatch(f -> f.ruleId().startsWith("reversibility.") || f.ruleId().equals(StatementFailures.NOT_IN_TRANSACTION)
                        || f.ruleId().equals(DataFindings.DOWN_LOST) && f.severity() == Severity.ERROR);
        return clean ? MigrationRun.Reversal.REVERSED : MigrationRun.Reversal.FAILED;
    }

    private ScriptOutcome run(Connection connection, Script script) throws SQLException {
        return connection.getAutoCommit() ? runner.run(connection, script) : runner.runInOpenTransaction(connection, script);
    }

    private Snapshot snapshot(Connection connection) throws SQLException {
        return dialect.snapshot(connection, SnapshotOptions.full());
    }

    /** The verdict on a migration without a down script: it has none only when one was needed. */
    private static MigrationRun.Reversal withoutDown(List<Finding> missingDown) {
        return missingDown.isEmpty() ? MigrationRun.Reversal.NOT_CHECKED : MigrationRun.Reversal.NO_DOWN;
    }

    /**
     * The finding for a down script that is needed but absent; none when there is one, when the
     * reversibility check is off, or when the up script has no statement (a placeholder for
     * another database has nothing to undo).
     */
    private List<Finding> missingDown(Migration migration, Optional<Script> down) {
        if (down.isPresent() || !historyHasDowns || !options.runs(CheckName.REVERSIBILITY)
                || dialect.splitter().split(migration.up()).isEmpty()) {
            return List.of();
        }
        Version baseline = options.baseline();
        Annotation irreversible = Annotation.find("irreversible", migration.up(), migration.down().orElse(null)).orElse(null);
        boolean legacy = baseline != null && migration.version() != null && migration.version().compareTo(baseline) <= 0;
        return List.of(ReversibilityFindings.missingDown(migration, legacy, irreversible));
    }

    /**
     * What one cycle showed.
     *
     * @param after          the schema after the up script, or null when the cycle did not run it (or it failed)
     * @param reversal       the reversibility verdict
     * @param findings       what the schema and data checks found
     * @param integrity      integrity problems of the state after up (with its rows)
     * @param upFailure      the up script's failure in the cycle, or null
     */
    record Result(Snapshot after, MigrationRun.Reversal reversal, List<Finding> findings,
                  List<IntegrityProblem> integrity, Finding upFailure) {
    }
}
