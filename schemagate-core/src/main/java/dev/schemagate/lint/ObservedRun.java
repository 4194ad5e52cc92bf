package dev.schemagate.lint;

import dev.schemagate.check.ConditionFindings;
import dev.schemagate.check.Finding;
import dev.schemagate.check.StatementListener;
import dev.schemagate.data.DataProbe;
import dev.schemagate.data.FailedStatement;
import dev.schemagate.dialect.ChangeTracking;
import dev.schemagate.dialect.DatabaseError;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.RunCondition;
import dev.schemagate.migration.Statement;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a lint plan's up scripts on a scratch database the way migration tools do (one
 * transaction per script unless a statement refuses one), seeding empty tables before each
 * migration, and keeps what the observer saw for every statement.
 *
 * <p>When a statement fails on the seeded rows, their foreign-key values are pointed at existing
 * rows and the values a statement could not take are re-seeded, as production rows would hold them,
 * and the migration is tried again. When it still fails it runs once more on the same rows: a
 * script whose outcome changes from one run to the next (a sequence the failed run advanced, the
 * clock) then goes through, and a note says so instead of blaming the rows. When that fails too, it
 * is run again with the seeded rows removed, so one value the migration did not expect does not hide
 * the rest of the history; the failure is kept as a note. Only a statement that fails without seeded
 * rows too (or in a script that cannot be re-run because it committed part of its work) stops the
 * run; the rest is then judged on its text.
 */
final class ObservedRun {

    /**
     * Something the run itself found: a table left empty, a failure on seeded rows, where it stopped.
     *
     * @param hint what to do when the dialect knows better than the rule (such as a construct its server
     *             does not have), or empty for the rule's own
     */
    record Note(Rule rule, Location location, String message, String hint) {

        Note(Rule rule, Location location, String message) {
            this(rule, location, message, "");
        }
    }

    /**
     * What the run saw, and its notes.
     *
     * @param production the tables that existed before the first migration of the change, which hold rows
     *                   in production; null when there is no history cut (every table counts)
     * @param skipped    the migrations their run condition skipped (a changeset's preconditions), not applied
     * @param decided    what the run conditions decided other than to run: a skip (a note) or a warning, as verify says it
     */
    record Outcome(Map<Statement, Observation> observations, List<Note> notes, Set<String> production, Set<Migration> skipped,
                   List<Finding> decided) {
    }

    /** A statement that failed, why, what the dialect says to do about it (or empty), and what the server said. */
    private record Failure(Statement statement, String reason, String hint, FailedStatement cause) {
    }

    private final Dialect dialect;
    private final StatementObserver observer;
    private final Seeder seeder;
    private final int rows;
    private final StatementListener listener;
    /** How the dialect tells what changed since a mark (null when it cannot), one for the run: it learns the connection. */
    private final ChangeTracking tracking;
    /**
     * The schema as last read for the seeder, and the dialect's mark of that moment (null when it does not
     * track changes): the next read takes it with only what changed since read again.
     */
    private Snapshot lastRead;
    private ChangeTracking.Mark lastReadAt;

    ObservedRun(Dialect dialect, StatementObserver observer, Seeder seeder, int rows, StatementListener listener) {
        this.listener = listener;
        this.dialect = dialect;
        this.tracking = dialect.changeTracking().orElse(null);
        this.observer = observer;
        this.seeder = seeder;
        this.rows = rows;
    }

    /**
     * Runs the plan on {@code database}, which is empty, or holds the history that comes before the
     * change when {@code historyApplied} (those scripts are then skipped).
     */
    Outcome run(LintPlan plan, ScratchDatabase database, boolean historyApplied) {
        Map<Statement, Observation> observations = new HashMap<>();
        List<Note> notes = new ArrayList<>();
        Set<String> unseeded = new LinkedHashSet<>();
        try (Connection connection = database.connect()) {
            Set<String> before = observer.tables(connection);
            if (!before.isEmpty() && !historyApplied) {
                throw new IllegalArgumentException("observed lint needs an empty database; " + database.name()
                        + " already holds " + before.size() + " table(s), such as " + before.iterator().next());
            }
            Set<String> production = null;
            boolean skipping = historyApplied;
            List<Migration> applied = new ArrayList<>();
            Set<Migration> notRun = new HashSet<>();
            List<Finding> decided = new ArrayList<>();
            for (LintPlan.PlannedScript script : plan.scripts()) {
                boolean past = plan.cut().isHistory(script.migration());
                skipping = skipping && past;
                if (skipping) {
                    applied.add(script.migration());
                    continue;
                }
                RunCondition.Decision decision = RunCondition.of(script.migration(), connection, applied);
                if (decision.verdict() != RunCondition.Verdict.RUN && decision.verdict() != RunCondition.Verdict.HALT) {
                    decided.add(ConditionFindings.of(script.migration(), decision));
                }
                if (decision.verdict() == RunCondition.Verdict.SKIP) {
                    notRun.add(script.migration());
                    continue;
                }
                if (decision.verdict() == RunCondition.Verdict.HALT) {
                    notes.add(new Note(Rules.OBSERVATION_STOPPED, decision.whole().orElse(script.script().location()),
                            script.migration().displayName() + ": the preconditions stop the run here (" + decision.handling() + "): "
                                    + decision.message() + "; this migration and the ones after it are judged on their text alone"));
                    break;
                }
                if (!past && production == null && plan.cut().active()) {
                    production = observer.tables(connection);
                }
                if (rows > 0 && !past) {
                    seed(connection, script, notes, unseeded);
                }
                boolean went;
                try {
                    went = observeScript(connection, script, past, observations, notes);
                } catch (SQLException e) {
                    if (!usable(connection)) {
                        throw e;
                    }
                    applied.add(script.migration());
                    notes.add(new Note(Rules.OBSERVATION_STOPPED, script.script().location(),
                            "the observation could not go on (the server said: " + firstLine(e) + ")"
                                    + "; this migration and the ones after it are judged on their text alone"));
                    break;
                }
                applied.add(script.migration());
                if (!went) {
                    break;
                }
            }
            return new Outcome(observations, notes, production, notRun, decided);
        } catch (SQLException e) {
            throw new InfrastructureException("lost the connection to the database: " + e.getMessage(), e);
        }
    }

    /**
     * Seeds the empty tables before a migration; a table the server refuses to seed (an SQL error, the
     * connection still open) is left as it is, with a note, and the run goes on.
     */
    private void seed(Connection connection, LintPlan.PlannedScript script, List<Note> notes, Set<String> unseeded)
            throws SQLException {
        List<Seeder.Skipped> skips;
        try {
            skips = seeder.seed(connection, () -> schemaNow(connection), rows);
        } catch (SQLException e) {
            if (!usable(connection)) {
                throw e;
            }
            notes.add(new Note(Rules.SEED_SKIPPED, Location.of(script.script().file()),
                    "the empty tables could not all be filled with sample rows before this migration (the server said: "
                            + firstLine(e) + ")"));
            return;
        }
        for (Seeder.Skipped skipped : skips) {
            if (unseeded.add(skipped.table())) {
                notes.add(new Note(Rules.SEED_SKIPPED, Location.of(script.script().file()),
                        "table " + skipped.table() + " holds fewer sample rows than asked: " + skipped.reason()));
            }
        }
    }

    /**
     * The schema the connection sees now: the last one read with what changed since read again, when the
     * dialect can tell (a long history's seeding before each migration then costs what the migration
     * changed, not the size of the schema), else read whole.
     */
    private Snapshot schemaNow(Connection connection) throws SQLException {
        if (tracking != null && lastReadAt != null) {
            ChangeTracking.Read read = tracking.sinceMarked(connection, lastReadAt, lastRead, SnapshotOptions.structureOnly());
            lastRead = read.snapshot();
            lastReadAt = read.mark();
        } else {
            lastReadAt = tracking == null ? null : tracking.mark(connection);
            lastRead = dialect.snapshot(connection, SnapshotOptions.structureOnly());
        }
        return lastRead;
    }

    /** Whether the connection still answers, so an SQLException was the server refusing a statement, not a lost connection. */
    private static boolean usable(Connection connection) throws SQLException {
        return !connection.isClosed() && connection.isValid(5);
    }

    private static String firstLine(SQLException e) {
        return String.valueOf(e.getMessage()).replaceFirst("^\\(conn=\\d+\\)\\s*", "").lines().findFirst().orElse("");
    }

    /**
     * Applies one script, watched unless it is history, retrying it as the class comment says; false (with a note)
     * when it failed, so the run stops.
     */
    private boolean observeScript(Connection connection, LintPlan.PlannedScript script, boolean past,
                                 Map<Statement, Observation> observations, List<Note> notes) throws SQLException {
        Set<String> existing = observer.tables(connection);
        Map<Statement, Observation> seen = new HashMap<>();
        Failure failure = apply(connection, script, existing, seen, !past);
        if (failure != null && rows > 0 && rerunnable(script, failure) && conformed(connection, script)) {
            seen = new HashMap<>();
            failure = apply(connection, script, existing, seen, !past);
        }
        for (int reseeds = 0; failure != null && rows > 0 && rerunnable(script, failure) && reseeds < DataProbe.RESEEDS
                && reseeded(connection, failure); reseeds++) {
            seen = new HashMap<>();
            failure = apply(connection, script, existing, seen, !past);
        }
        if (failure != null && rows > 0 && rerunnable(script, failure)) {
            seen = new HashMap<>();
            Failure first = failure;
            failure = apply(connection, script, existing, seen, !past);
            if (failure == null) {
                notes.add(new Note(Rules.NONDETERMINISTIC_FAILURE, first.statement().location(),
                        "failed on a first run (" + first.reason() + ") and ran when tried again from the same schema"
                                + " and sample rows: whether it applies depends on something else, such as a sequence"
                                + " that a failed run still advances, the clock or random()"));
            }
        }
        if (failure != null && rows > 0 && script.transactional()) {
            seeder.clear(connection);
            Map<Statement, Observation> retried = new HashMap<>();
            Failure again = apply(connection, script, existing, retried, !past, restart(script, failure));
            retried.putAll(seen);
            seen = retried;
            if (again == null) {
                notes.add(new Note(Rules.FAILS_ON_SEEDED_ROWS, failure.statement().location(),
                        "fails on the sample rows (" + failure.reason() + "), even with their foreign-key values"
                                + " pointed at existing rows and any text it casts re-seeded as values of the target type;"
                                + " without the sample rows the migration ran, and the lint went on"));
            }
            failure = again;
        }
        observations.putAll(seen);
        if (failure != null) {
            notes.add(new Note(Rules.OBSERVATION_STOPPED, failure.statement().location(),
                    "failed on the scratch database (" + failure.reason() + ")" + stoppedWhy(script)
                            + "; this migration and the ones after it are judged on their text alone", failure.hint()));
            return false;
        }
        return true;
    }

    /** Whether the failure was seen with or without sample rows, as far as the run can tell. */
    private String stoppedWhy(LintPlan.PlannedScript script) {
        if (rows == 0) {
            return ", with no sample rows in the tables";
        }
        return script.transactional() ? ", even without the sample rows"
                : " with the sample rows in the tables; it runs outside a transaction, so it could not be tried again"
                        + " without them, and the rows may be the cause";
    }

    /**
     * Where a script whose run failed can run again from: after the last statement before the one that
     * failed that committed on its own (as DDL does on MySQL), or from its start when none did.
     */
    private int restart(LintPlan.PlannedScript script, Failure failure) {
        int from = 0;
        List<Statement> statements = script.statements();
        for (int i = 0; i < statements.size() && statements.get(i) != failure.statement(); i++) {
            if (dialect.commitsImplicitly(statements.get(i))) {
                from = i + 1;
            }
        }
        return from;
    }

    /**
     * Whether the script's failed run left nothing behind, so it can run again: it ran in one transaction,
     * and no statement before the one that failed committed it on its own (as DDL does on MySQL).
     */
    private boolean rerunnable(LintPlan.PlannedScript script, Failure failure) {
        if (!script.transactional()) {
            return false;
        }
        for (Statement statement : script.statements()) {
            if (statement == failure.statement()) {
                return true;
            }
            if (dialect.commitsImplicitly(statement)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Learns the schema the script makes without the sample rows (in a transaction rolled back) and
     * makes the rows consistent with the foreign keys it adds; true when a row changed.
     */
    private boolean conformed(Connection connection, LintPlan.PlannedScript script) throws SQLException {
        Snapshot now = dialect.snapshot(connection, SnapshotOptions.structureOnly());
        Snapshot target = seeder.withoutRows(connection, () -> {
            for (Statement statement : script.statements()) {
                if (statement.kind() != Statement.Kind.SQL || !runs(connection, statement)) {
                    return null;
                }
            }
            return dialect.snapshot(connection, SnapshotOptions.structureOnly());
        });
        return target != null && seeder.conform(connection, now, target) > 0;
    }

    /** Re-seeds the sample values a data exception refused with values the statement takes; true when a row changed. */
    private boolean reseeded(Connection connection, Failure failure) throws SQLException {
        return failure.cause() != null && failure.cause().dataException()
                && seeder.reseed(connection, dialect.snapshot(connection, SnapshotOptions.structureOnly()), failure.cause()) > 0;
    }

    private boolean runs(Connection connection, Statement statement) {
        try {
            dialect.execute(connection, statement);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Runs one script, watching each statement when {@code watch} (history runs unwatched); returns the
     * statement that failed, or null when every statement ran.
     */
    private Failure apply(Connection connection, LintPlan.PlannedScript script, Set<String> existing,
                          Map<Statement, Observation> observations, boolean watch) throws SQLException {
        return apply(connection, script, existing, observations, watch, 0);
    }

    /** Runs a script from its statement {@code from} on (those before it already committed). */
    private Failure apply(Connection connection, LintPlan.PlannedScript script, Set<String> existing,
                          Map<Statement, Observation> observations, boolean watch, int from) throws SQLException {
        boolean transaction = script.transactional();
        connection.setAutoCommit(!transaction);
        try {
            for (Statement statement : script.statements().subList(from, script.statements().size())) {
                if (statement.kind() == Statement.Kind.META_COMMAND) {
                    rollback(connection, transaction);
                    return new Failure(statement, "a psql meta-command cannot run here", "", null);
                }
                try {
                    listener.running(statement);
                    if (watch) {
                        observations.put(statement, observer.observe(connection, statement, existing,
                                () -> dialect.execute(connection, statement)));
                    } else {
                        dialect.execute(connection, statement);
                    }
                } catch (SQLException e) {
                    if (connection.isClosed() || !connection.isValid(5)) {
                        throw e;
                    }
                    rollback(connection, transaction);
                    DatabaseError error = dialect.describe(e);
                    return new Failure(statement, reason(error, e), error.hint(),
                            new FailedStatement(statement.sql(), error.sqlState(), error.message(), error.detail()));
                }
            }
            if (transaction) {
                connection.commit();
            }
            return null;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static String reason(DatabaseError error, SQLException e) {
        String message = error.message();
        return message.isEmpty() ? String.valueOf(e.getMessage()).lines().findFirst().orElse("") : message;
    }

    private static void rollback(Connection connection, boolean transaction) throws SQLException {
        if (transaction) {
            connection.rollback();
        }
    }
}
