package dev.schemagate.engine;

import dev.schemagate.check.DataFindings;
import dev.schemagate.check.Finding;
import dev.schemagate.check.ReversibilityFindings;
import dev.schemagate.check.ScriptOutcome;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.check.Severity;
import dev.schemagate.check.StatementFailures;
import dev.schemagate.data.FailedStatement;
import dev.schemagate.data.IntegrityProblem;
import dev.schemagate.diff.Difference;
import dev.schemagate.diff.SnapshotComparison;
import dev.schemagate.dialect.ChangeTracking;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.migration.Annotation;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.Script;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Runs one migration through up → down → up again on a database that is then left as it was, before
 * the migration is applied for real, and proves along the way that down restores the schema, that
 * up works again and gives the same schema, and (with rows) that no rows are lost. A down script
 * holding a statement its tool's transaction refuses fails the rollback: it would fail in
 * production.
 *
 * <p>When the scripts can run in a transaction, the cycle runs in one that is rolled back (free), or,
 * when the caller keeps the migration ({@link #runKeeping}), committed as the first up left it.
 * Otherwise it runs on a clone of the database, dropped afterwards; or, when the caller keeps the
 * migration, the cycle ends with up and the dialect's DDL is transactional (so such scripts are rare),
 * on the database itself, which is then either as the first up left it (the same schema, every table's
 * rows as they were after it: kept) or {@link Left#CHANGED}, for the caller to start again from
 * elsewhere. That spares a clone and the new connection it needs, whose first catalog reads the server
 * plans again, in the common case that ends as up left it. Where every script runs outside a
 * transaction, each cycle that ended otherwise would start the data line again, without the rows the
 * history carried: those cycles stay on clones.
 */
final class MigrationCycle {

    /** A statement that writes rows, after any leading comments. */
    private static final Pattern WRITES_ROWS = Pattern.compile(
            "^(?:\\s+|--[^\\n]*\\n|/\\*.*?\\*/)*(?:WITH\\b.*)?\\b(INSERT|UPDATE|DELETE|TRUNCATE|MERGE|COPY)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final Dialect dialect;
    private final ScriptRunner runner;
    private final VerifyOptions options;
    private final boolean historyHasDowns;
    /** The dialect's change tracking, one for every cycle: a mark may start from what the last one read. */
    private final ChangeTracking tracking;

    /**
     * @param historyHasDowns false when no migration of the history has a down script: the history
     *                        is forward-only, one finding says so, and no migration is blamed alone
     */
    MigrationCycle(Dialect dialect, ScriptRunner runner, VerifyOptions options, boolean historyHasDowns) {
        this.dialect = dialect;
        this.runner = runner;
        this.options = options;
        this.historyHasDowns = historyHasDowns;
        this.tracking = dialect.changeTracking().orElse(null);
    }

    /**
     * Cycles {@code migration} on {@code database}, which is in the state {@code before}. With
     * {@code rows} (the rows the tables hold), the data is checked too; when the up script fails,
     * the result says so and the caller can cycle again without rows.
     */
    Result run(WorkingDatabase database, Migration migration, Snapshot before, RowWatch rows) throws SQLException {
        return cycleOn(database, migration, before, rows, null);
    }

    /**
     * As {@link #run}, but when up succeeds and {@code keep} accepts the result, the database keeps the
     * migration applied once, as its tool applies it. In a transaction, what ran after the first up (the
     * checks, down, up again) is undone to a savepoint taken right after it, and the transaction
     * commits; outside one, the cycle runs on the database itself when it ends with up (see the class
     * comment), and {@link Result#left()} says whether the database was left as the first up left it,
     * as it was, or changed otherwise. {@link Result#kept()} says whether the caller need not apply the
     * migration to that database again.
     */
    Result runKeeping(WorkingDatabase database, Migration migration, Snapshot before, RowWatch rows, Predicate<Result> keep)
            throws SQLException {
        return cycleOn(database, migration, before, rows, keep);
    }

    /** The cycle, kept as {@code keep} says (never when null). */
    private Result cycleOn(WorkingDatabase database, Migration migration, Snapshot before, RowWatch rows, Predicate<Result> keep)
            throws SQLException {
        Optional<Script> down = migration.down()
                .filter(script -> !migration.repeatable() && holdsStatements(script));
        if (down.isEmpty() && !needsDown(migration) && rows == null && !options.runs(CheckName.INTEGRITY)) {
            return new Result(null, MigrationRun.Reversal.NOT_CHECKED, List.of(), List.of(), null, null, Left.AS_BEFORE);
        }
        boolean transactional = runner.fitsInTransaction(migration.up())
                && down.map(runner::fitsInTransaction).orElse(true);
        if (transactional) {
            Connection connection = database.connection();
            connection.setAutoCommit(false);
            boolean kept = false;
            Result result;
            try {
                ChangeTracking.Mark mark = mark(connection);
                result = cycle(connection, migration, down, before, mark, rows, keep != null);
                boolean keeping = keep != null && result.upFailure() == null && keep.test(result);
                if (keeping && rows != null) {
                    rows.beforeCommit(connection);
                }
                kept = keeping && committed(connection);
                if (kept && mark != null) {
                    tracking.committed(connection, mark);
                }
            } finally {
                if (!kept) {
                    connection.rollback();
                }
                connection.setAutoCommit(true);
            }
            if (kept && rows != null) {
                rows.kept(connection, result.after());
            }
            return result.left(kept ? Left.APPLIED_ONCE : Left.AS_BEFORE);
        }
        if (keep != null && rows != null && (down.isEmpty() || options.runs(CheckName.REVERSIBILITY))
                && dialect.capabilities().transactionalDdl()) {
            return inPlace(database.connection(), migration, down, before, rows, keep);
        }
        try (ScratchDatabase copy = database.checkpoint(); Connection connection = copy.connect()) {
            return cycle(connection, migration, down, before, mark(connection), rows == null ? null : rows.onCopy(connection), false);
        }
    }

    /**
     * The cycle outside a transaction on the database itself: kept when up succeeded, {@code keep}
     * accepts the result, and the database is as the first up left it, that is when the cycle ended with
     * up again giving the same schema (or there was no down to run) and every table holds the rows it
     * held after the first up; otherwise the database is left changed.
     */
    private Result inPlace(Connection connection, Migration migration, Optional<Script> down, Snapshot before, RowWatch rows,
                           Predicate<Result> keep) throws SQLException {
        Result result = cycle(connection, migration, down, before, mark(connection), rows, false);
        boolean asUpLeftIt = result.upFailure() == null && (down.isEmpty() || result.endedWithTheSameUp())
                && keep.test(result) && rows.asUpLeftThem(connection, result.after());
        return result.left(asUpLeftIt ? Left.APPLIED_ONCE : Left.CHANGED);
    }

    /** Commits the migration applied once; false when the commit fails (a deferred constraint), which rolls it back. */
    private static boolean committed(Connection connection) {
        try {
            connection.commit();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Whether neither of the migration's scripts holds a statement, as a placeholder a history keeps for
     * another database ({@code -- this migration is only for sqlite}): nothing runs, so nothing can
     * change, and there is nothing to cycle.
     */
    boolean inert(Migration migration) {
        return !holdsStatements(migration.up()) && migration.down().map(down -> !holdsStatements(down)).orElse(true);
    }

    private boolean holdsStatements(Script script) {
        return !dialect.splitter().split(script).isEmpty();
    }

    /**
     * Up, then the checks of what it did, down and up again. With {@code savepoint}, what follows the first
     * up is undone to a savepoint taken right after it, so the transaction is left as up left it.
     */
    private Result cycle(Connection connection, Migration migration, Optional<Script> down, Snapshot before,
                         ChangeTracking.Mark mark, RowWatch rows, boolean savepoint) throws SQLException {
        ScriptOutcome up = run(connection, migration.up());
        if (!up.succeeded()) {
            return new Result(null, MigrationRun.Reversal.NOT_CHECKED, List.of(), List.of(), up.failure().orElseThrow(),
                    up.cause().orElse(null), Left.AS_BEFORE);
        }
        Savepoint applied = savepoint ? connection.setSavepoint() : null;
        Result result = checked(connection, migration, down, before, mark, rows);
        if (applied != null) {
            connection.rollback(applied);
        }
        return result;
    }

    /** The checks of a migration whose up script just ran: the schema and rows after it, then down and up again. */
    private Result checked(Connection connection, Migration migration, Optional<Script> down, Snapshot before,
                           ChangeTracking.Mark mark, RowWatch rows) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        Snapshot after = snapshot(connection, before, mark);
        if (rows != null) {
            findings.addAll(rows.afterUp(connection, after));
        }
        List<IntegrityProblem> integrity = options.runs(CheckName.INTEGRITY)
                ? dialect.data().integrity(connection) : List.of();
        if (down.isEmpty()) {
            List<Finding> missingDown = missingDown(migration, before, after, findings);
            findings.addAll(missingDown);
            return new Result(after, withoutDown(missingDown), findings, integrity, null, null, Left.AS_BEFORE);
        }
        MigrationRun.Reversal reversal = reverse(connection, migration, down.get(), before, mark, after, rows, findings);
        return new Result(after, reversal, findings, integrity, null, null, Left.AS_BEFORE);
    }

    /** Down, then up again (when the schema is checked); the reversibility verdict. */
    private MigrationRun.Reversal reverse(Connection connection, Migration migration, Script down, Snapshot before,
                                          ChangeTracking.Mark mark, Snapshot after, RowWatch rows, List<Finding> findings)
            throws SQLException {
        boolean schema = options.runs(CheckName.REVERSIBILITY);
        int found = findings.size();
        ScriptOutcome reverted = run(connection, down);
        reverted.refusal().ifPresent(findings::add);
        if (!reverted.succeeded()) {
            findings.add(ReversibilityFindings.downFailed(reverted.failure().orElseThrow()));
            return MigrationRun.Reversal.FAILED;
        }
        Snapshot restored = snapshot(connection, before, mark);
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
        List<Difference> changed = SnapshotComparison.compare(after, snapshot(connection, before, mark));
        if (!changed.isEmpty()) {
            findings.add(ReversibilityFindings.reapplyDiffers(migration, changed));
        }
        return verdict(findings.subList(found, findings.size()));
    }

    /** What the line of a migration whose down script ran says: the worst of what its cycle found. */
    private static MigrationRun.Reversal verdict(List<Finding> found) {
        if (found.stream().anyMatch(f -> f.ruleId().equals(ReversibilityFindings.REAPPLY_FAILED)
                || f.ruleId().equals(StatementFailures.NOT_IN_TRANSACTION))) {
            return MigrationRun.Reversal.FAILED;
        }
        if (found.stream().anyMatch(f -> f.ruleId().startsWith("reversibility.") && f.severity() != Severity.INFO)) {
            return MigrationRun.Reversal.NOT_RESTORED;
        }
        if (found.stream().anyMatch(f -> f.ruleId().equals(DataFindings.DOWN_LOST) && f.severity() == Severity.ERROR)) {
            return MigrationRun.Reversal.LOSES_ROWS;
        }
        return MigrationRun.Reversal.REVERSED;
    }

    private ScriptOutcome run(Connection connection, Script script) throws SQLException {
        return connection.getAutoCommit() ? runner.run(connection, script) : runner.runInOpenTransaction(connection, script);
    }

    /**
     * Marks the schema before the scripts run, when the dialect can tell what changes from there, so
     * each snapshot of the cycle reads again only what they touched; null when it cannot.
     */
    private ChangeTracking.Mark mark(Connection connection) throws SQLException {
        return tracking != null ? tracking.mark(connection) : null;
    }

    /** The schema now: {@code before} with what changed since {@code mark}, or a whole snapshot without a mark. */
    private Snapshot snapshot(Connection connection, Snapshot before, ChangeTracking.Mark mark) throws SQLException {
        if (mark == null) {
            return dialect.snapshot(connection, SnapshotOptions.full());
        }
        return tracking.since(connection, mark, before, SnapshotOptions.full());
    }

    /** The verdict on a migration without a down script: an error says it is missing, anything else that it has none. */
    private static MigrationRun.Reversal withoutDown(List<Finding> missingDown) {
        if (missingDown.isEmpty()) {
            return MigrationRun.Reversal.NOT_CHECKED;
        }
        return missingDown.get(0).severity() == Severity.ERROR ? MigrationRun.Reversal.MISSING_DOWN
                : MigrationRun.Reversal.NO_DOWN;
    }

    /**
     * Whether a missing down script is reported at all: not when the reversibility check is off, nor
     * when the up script has no statement (a placeholder for another database has nothing to undo).
     */
    private boolean needsDown(Migration migration) {
        return options.runs(CheckName.REVERSIBILITY) && holdsStatements(migration.up());
    }

    /**
     * The finding for a migration without a down script, judged by what its up script did in the
     * cycle: a schema change needs a down; an up that changed only data cannot be undone without one
     * (a warning); an up that changed neither has nothing to undo (a note).
     */
    private List<Finding> missingDown(Migration migration, Snapshot before, Snapshot after, List<Finding> upFindings) {
        if (!historyHasDowns || !needsDown(migration)) {
            return List.of();
        }
        Annotation irreversible = Annotation.find("irreversible", migration.up(), migration.down().orElse(null)).orElse(null);
        ReversibilityFindings.UpEffect effect = !SnapshotComparison.compare(before, after).isEmpty()
                ? ReversibilityFindings.UpEffect.SCHEMA
                : changesData(migration, upFindings) ? ReversibilityFindings.UpEffect.DATA_ONLY
                : ReversibilityFindings.UpEffect.NOTHING;
        return List.of(ReversibilityFindings.missingDown(migration, irreversible, effect));
    }

    /** The rows showed a change, or (without rows to show it) a statement of the up script writes rows. */
    private boolean changesData(Migration migration, List<Finding> upFindings) {
        return upFindings.stream().anyMatch(f -> f.ruleId().equals(DataFindings.UP_LOST) || f.ruleId().equals(DataFindings.UP_CHANGED))
                || dialect.splitter().split(migration.up()).stream().anyMatch(s -> WRITES_ROWS.matcher(s.sql()).find());
    }

    /** What a cycle left the database as. */
    enum Left {
        /** As before the cycle: it was rolled back, or ran on a clone. */
        AS_BEFORE,
        /** With the migration applied once, as the first up left it. */
        APPLIED_ONCE,
        /** Otherwise: the cycle ran on the database outside a transaction and did not end as the first up left it. */
        CHANGED
    }

    /**
     * What one cycle showed.
     *
     * @param after          the schema after the up script, or null when the cycle did not run it (or it failed)
     * @param reversal       the reversibility verdict
     * @param findings       what the schema and data checks found
     * @param integrity      integrity problems of the state after up (with its rows)
     * @param upFailure      the up script's failure in the cycle, or null
     * @param upCause        the statement behind that failure as the server described it, or null
     * @param left           what the cycle left the database as (see {@link #runKeeping})
     */
    record Result(Snapshot after, MigrationRun.Reversal reversal, List<Finding> findings,
                  List<IntegrityProblem> integrity, Finding upFailure, FailedStatement upCause, Left left) {

        /** Whether the database kept the migration applied once, so the caller need not apply it there again. */
        boolean kept() {
            return left == Left.APPLIED_ONCE;
        }

        Result withFindings(List<Finding> newFindings, MigrationRun.Reversal newReversal) {
            return new Result(after, newReversal, newFindings, integrity, upFailure, upCause, left);
        }

        Result left(Left newLeft) {
            return new Result(after, reversal, findings, integrity, upFailure, upCause, newLeft);
        }

        /** Whether down ran and up ran again after it, giving the schema the first up gave. */
        boolean endedWithTheSameUp() {
            return reversal != MigrationRun.Reversal.NOT_CHECKED && findings.stream().noneMatch(f ->
                    f.ruleId().equals(ReversibilityFindings.DOWN_FAILED) || f.ruleId().equals(ReversibilityFindings.REAPPLY_FAILED)
                            || f.ruleId().equals(ReversibilityFindings.REAPPLY_DIFFERS));
        }
    }
}
