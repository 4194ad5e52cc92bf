package dev.schemagate.engine;

import dev.schemagate.check.Finding;
import dev.schemagate.check.ReversibilityFindings;
import dev.schemagate.check.ScriptOutcome;
import dev.schemagate.check.ScriptRunner;
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
 * Proves one migration reversible: after its up script has run, runs its down script and its up
 * script again, and compares the schema after each with the schema it should be.
 *
 * <p>The database must end in the state the first up left, whatever happens, so that the next
 * migration starts from the truth. When both scripts can run in a transaction, down and up run in
 * one that is rolled back at the end (free). Otherwise a checkpoint clone is made first, and
 * restored if anything went wrong.
 */
final class ReversibilityCycle {

    private final Dialect dialect;
    private final ScriptRunner runner;
    private final WorkingDatabase database;
    private final Version baseline;

    ReversibilityCycle(Dialect dialect, ScriptRunner runner, WorkingDatabase database, Version baseline) {
        this.dialect = dialect;
        this.runner = runner;
        this.database = database;
        this.baseline = baseline;
    }

    /** The verdict and findings for a migration whose up script has just run from {@code before} to {@code after}. */
    Result check(Migration migration, Snapshot before, Snapshot after) throws SQLException {
        Optional<Script> down = migration.down().filter(script -> !dialect.splitter().split(script).isEmpty());
        if (down.isEmpty() || migration.repeatable()) {
            return missingDown(migration);
        }
        List<Finding> findings = new ArrayList<>();
        if (runner.fitsInTransaction(down.get()) && runner.fitsInTransaction(migration.up())) {
            Connection connection = database.connection();
            connection.setAutoCommit(false);
            try {
                cycle(migration, down.get(), before, after, findings);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } else {
            ScratchDatabase checkpoint = database.checkpoint();
            cycle(migration, down.get(), before, after, findings);
            if (findings.isEmpty()) {
                checkpoint.close();
            } else {
                database.restore(checkpoint);
            }
        }
        return new Result(findings.isEmpty() ? MigrationRun.Reversal.REVERSED : MigrationRun.Reversal.FAILED, findings);
    }

    private void cycle(Migration migration, Script down, Snapshot before, Snapshot after, List<Finding> findings)
            throws SQLException {
        ScriptOutcome reverted = run(down);
        if (!reverted.succeeded()) {
            findings.add(ReversibilityFindings.downFailed(reverted.failure().orElseThrow()));
            return;
        }
        List<Difference> left = SnapshotComparison.compare(before, snapshot());
        if (!left.isEmpty()) {
            findings.add(ReversibilityFindings.notRestored(migration, left));
        }
        ScriptOutcome reapplied = run(migration.up());
        if (!reapplied.succeeded()) {
            findings.add(ReversibilityFindings.reapplyFailed(migration, reapplied.failure().orElseThrow()));
            return;
        }
        List<Difference> changed = SnapshotComparison.compare(after, snapshot());
        if (!changed.isEmpty()) {
            findings.add(ReversibilityFindings.reapplyDiffers(migration, changed));
        }
    }

    private ScriptOutcome run(Script script) throws SQLException {
        Connection connection = database.connection();
        return connection.getAutoCommit() ? runner.run(connection, script) : runner.runInOpenTransaction(connection, script);
    }

    private Snapshot snapshot() throws SQLException {
        return dialect.snapshot(database.connection(), SnapshotOptions.full());
    }

    private Result missingDown(Migration migration) {
        Annotation irreversible = Annotation.find("irreversible", migration.up(), migration.down().orElse(null)).orElse(null);
        boolean legacy = baseline != null && migration.version() != null && migration.version().compareTo(baseline) <= 0;
        return new Result(MigrationRun.Reversal.NO_DOWN,
                List.of(ReversibilityFindings.missingDown(migration, legacy, irreversible)));
    }

    /** The verdict on one migration and what was found. */
    record Result(MigrationRun.Reversal reversal, List<Finding> findings) {
    }
}
