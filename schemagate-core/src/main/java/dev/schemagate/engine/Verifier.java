package dev.schemagate.engine;

import dev.schemagate.check.ConditionFindings;
import dev.schemagate.check.DataFindings;
import dev.schemagate.check.Finding;
import dev.schemagate.check.LintAvailability;
import dev.schemagate.check.OutsideReach;
import dev.schemagate.check.ReversibilityFindings;
import dev.schemagate.check.ScriptOutcome;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.check.StatementFailures;
import dev.schemagate.data.DataProbe;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.StartingServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.DialectChoice;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.history.HistoryGuard;
import dev.schemagate.history.ReleaseConfig;
import dev.schemagate.lint.DialectRules;
import dev.schemagate.lint.LintConfigFile;
import dev.schemagate.lint.Linter;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.RunCondition;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs the verify checks on a migrations folder: finds the migrations, tells history from change
 * (and guards the history), starts a server, and for every migration in order first cycles it
 * (up, down, up again, on seeded tables, in a transaction that is rolled back or on a clone) and
 * then applies it to the working database for real, history being only applied; collects the
 * findings.
 */
public final class Verifier {

    private final ProgressListener progress;

    public Verifier(ProgressListener progress) {
        this.progress = progress;
    }

    public VerifyResult verify(VerifyOptions options) {
        long start = System.nanoTime();
        Dialect dialect = DialectChoice.resolve(options.dialect(), options.directory(), options.server().url(), options.config()).dialect();
        MigrationDiscovery.check(options.directory(), options.settings());
        ServerOptions serverOptions = options.server().forRun(dialect,
                options.config() != null ? options.config() : LintConfigFile.locate(options.directory()));
        if (options.server().shared()) {
            Read read = read(options, dialect);
            try (DatabaseServer server = dialect.start(serverOptions)) {
                return verify(options, dialect, read, server, start);
            }
        }
        // the embedded server starts while the migrations are read
        try (DatabaseServer server = StartingServer.begin(dialect, serverOptions)) {
            return verify(options, dialect, read(options, dialect), server, start);
        }
    }

    /** A run's migrations and what its history guard says of them. */
    private record Read(MigrationSet set, HistoryGuard.Guarded guarded) {
    }

    private static Read read(VerifyOptions options, Dialect dialect) {
        MigrationSet set = MigrationDiscovery.discover(options.directory(), options.layout(), Dialects.names(dialect),
                options.settings());
        return new Read(set, HistoryGuard.forRun(set, options.since(), options.baseline(),
                ReleaseConfig.load(options.config() != null ? options.config() : LintConfigFile.locate(options.directory()))));
    }

    private VerifyResult verify(VerifyOptions options, Dialect dialect, Read read, DatabaseServer server, long start) {
        MigrationSet set = read.set();
        HistoryGuard.Guarded guarded = read.guarded();
        HistoryCut cut = guarded.cut();
        progress.started(set, cut, server.description());
        List<Finding> refused = options.server().shared()
                ? OutsideReach.refusals(dialect, set.migrations()) : List.of();
        if (!refused.isEmpty()) {
            List<Finding> findings = new ArrayList<>(guarded.findings());
            findings.addAll(refused);
            return new VerifyResult(set, set.migrations().stream().map(m -> MigrationRun.notRun(m).asHistory(cut.isHistory(m))).toList(),
                    findings, server.description(), options.failOn(), Duration.ofNanos(System.nanoTime() - start),
                    options.checks(), cut);
        }
        return check(options, dialect, set, cut, guarded.findings(), server, new WorkingDatabase(server), 0, start);
    }

    /**
     * Checks {@code set} on a database that starts as a clone of {@code template}, which already holds
     * its first {@code applied} migrations: they are neither run nor reported again; the migrations the
     * {@code cut} calls history are only applied. A caller that checks many variants of one migration
     * (mutation testing) thus applies the history once, on a server it keeps running.
     */
    public VerifyResult verifyFrom(VerifyOptions options, Dialect dialect, MigrationSet set, HistoryCut cut, DatabaseServer server,
                                   ScratchDatabase template, int applied) {
        return check(options, dialect, set, cut, List.of(), server, WorkingDatabase.cloneOf(server, template), applied, System.nanoTime());
    }

    private VerifyResult check(VerifyOptions options, Dialect dialect, MigrationSet set, HistoryCut cut, List<Finding> guarded,
                               DatabaseServer server, WorkingDatabase working, int preapplied, long start) {
        boolean observed = options.runs(CheckName.LINT) && Linter.observes(dialect);
        ObservedLint lint = new ObservedLint(dialect, server, options, cut, progress);
        // without run conditions, what the walk applies is known before it, and the lint runs beside it, unless
        // a migration reaches outside its database: the lint, ahead of the walk, could then take away what the walk needs
        boolean beside = observed && set.migrations().stream().allMatch(migration -> migration.condition().isEmpty()
                && OutsideReach.in(dialect, migration.up()).isEmpty());
        try (WorkingDatabase database = working) {
            List<Finding> findings = new ArrayList<>(guarded);
            findings.addAll(StatementFailures.ignored(set.ignored()));
            ConstraintProbing probing = new ConstraintProbing(dialect, options, set, cut);
            Walked walked = walk(set, cut, dialect, database, options, findings, preapplied, probing, beside ? lint : null);
            List<MigrationRun> runs = walked.runs();
            boolean applied = runs.stream().allMatch(run -> run.status() == MigrationRun.Status.APPLIED
                    || run.status() == MigrationRun.Status.SKIPPED);
            MigrationSet ran = withoutSkipped(set, runs);
            if (options.expected() != null && applied) {
                findings.addAll(ExpectedSchemaCheck.check(dialect, server, database.connection(), options));
            }
            findings.addAll(PerformanceCheck.findings(dialect, options, set, cut, server, applied));
            if (options.runs(CheckName.LINT) && !observed) {
                findings.addAll(Linter.judgesText(dialect) ? notWhereApplyFailed(new Linter(dialect, options.lintConfig())
                        .lint(ran, cut).findings(), findings) : List.of(LintAvailability.unavailable(set, dialect.id())));
            }
            if (observed && findings.stream().noneMatch(f -> f.ruleId().equals(OutsideReach.RULE))) {
                findings.addAll(withoutRefusedAgain(lint.findings(ran, walked.historyApplied(), applied), findings, dialect));
            } else if (walked.historyApplied() != null) {
                walked.historyApplied().close();
            }
            return new VerifyResult(set, runs, findings, server.description(), options.failOn(),
                    Duration.ofNanos(System.nanoTime() - start), options.checks(), cut, probing.outcomes());
        } catch (SQLException e) {
            throw new InfrastructureException("lost the connection to the database: " + e.getMessage(), e);
        } finally {
            lint.finish();
        }
    }

    /**
     * Applies every migration in order: history only applied, as fast as it goes; every other
     * migration first cycled (when a check needs it) and then applied. The schema before a cycle,
     * the data line and the integrity seen so far start at the first migration that is checked, and
     * so does the observed lint, when it runs {@code beside} the walk (null when it runs after).
     */
    private Walked walk(MigrationSet set, HistoryCut cut, Dialect dialect, WorkingDatabase database, VerifyOptions options,
                        List<Finding> findings, int preapplied, ConstraintProbing probing, ObservedLint beside) throws SQLException {
        ScriptRunner runner = new ScriptRunner(dialect, progress);
        boolean cycles = options.runs(CheckName.REVERSIBILITY) || options.runs(CheckName.DATA)
                || options.runs(CheckName.INTEGRITY);
        boolean hasDowns = set.migrations().stream().anyMatch(migration -> migration.down().isPresent());
        if (!hasDowns && options.runs(CheckName.REVERSIBILITY)) {
            findings.add(ReversibilityFindings.noDownScripts(set));
        }
        MigrationCycle cycle = new MigrationCycle(dialect, runner, options, hasDowns);
        IntegrityWatch integrity = new IntegrityWatch(dialect.vocabulary());
        Snapshot state = null;
        List<MigrationRun> runs = new ArrayList<>();
        List<Migration> migrations = set.migrations();
        boolean stopped = false;
        DataLine data = null;
        ScratchDatabase historyApplied = null;
        try {
            for (int i = 0; i < migrations.size(); i++) {
                Migration migration = migrations.get(i);
                if (i < preapplied) {
                    runs.add(MigrationRun.of(migration, new ScriptOutcome(0, "", Optional.empty()), Duration.ZERO).asHistory(true));
                    continue;
                }
                if (stopped) {
                    runs.add(MigrationRun.notRun(migration).asHistory(cut.isHistory(migration)));
                    continue;
                }
                progress.migrationStarted(migration, i, migrations.size());
                boolean past = cut.isHistory(migration);
                boolean historyFirst = !past && i > 0 && runs.stream().allMatch(MigrationRun::history);
                if (beside != null && !past && !beside.started()) {
                    beside.startBeside(set, historyFirst ? database.checkpoint() : null);
                } else if (historyFirst && options.runs(CheckName.LINT)) {
                    historyApplied = database.checkpoint();
                }
                RunCondition.Decision decision = decide(migration, database, runs);
                Finding decided = decision.verdict() == RunCondition.Verdict.RUN ? null : ConditionFindings.of(migration, decision);
                if (decided != null) {
                    findings.add(decided);
                }
                if (decision.verdict() == RunCondition.Verdict.SKIP || decision.verdict() == RunCondition.Verdict.HALT) {
                    MigrationRun run = (decision.verdict() == RunCondition.Verdict.SKIP ? MigrationRun.skipped(migration)
                            : decision.whole().isPresent() ? MigrationRun.notRun(migration)
                            : MigrationRun.of(migration, new ScriptOutcome(0, "", Optional.of(decided)), Duration.ZERO)).asHistory(past);
                    stopped = decision.verdict() == RunCondition.Verdict.HALT;
                    runs.add(run);
                    progress.migrationFinished(run, i, migrations.size());
                    continue;
                }
                if (!past && cycles && state == null) {
                    state = snapshot(dialect, database);
                    if (i > 0 && options.runs(CheckName.INTEGRITY)) {
                        integrity.inherit(state, dialect.data().integrity(database.connection()));
                    }
                }
                if (!past && data == null && options.runs(CheckName.DATA)) {
                    data = new DataLine(dialect.data(), options, database.copy());
                }
                MigrationRun run;
                try {
                    long cycleStart = System.nanoTime();
                    Cycled cycled = cycles && !past && !cycle.inert(migration)
                            ? cycle(cycle, database, data, migration, state, options, findings) : null;
                    Duration cycleTime = Duration.ofNanos(System.nanoTime() - cycleStart);
                    long begin = System.nanoTime();
                    ScriptOutcome outcome = runner.run(database.connection(), migration.up());
                    run = MigrationRun.of(migration, outcome, Duration.ofNanos(System.nanoTime() - begin)).asHistory(past);
                    outcome.failure().ifPresent(findings::add);
                    outcome.refusal().ifPresent(findings::add);
                    stopped = !outcome.succeeded();
                    if (!stopped && past) {
                        state = null;
                        if (data != null) {
                            data.follow(runner, migration, database, false);
                        }
                    }
                    if (!stopped && cycled != null) {
                        MigrationCycle.Result result = cycled.result();
                        findings.addAll(result.findings());
                        if (result.upFailure() != null) {
                            findings.add(ReversibilityFindings.notChecked(result.upFailure()));
                        }
                        state = result.after() != null ? result.after() : snapshot(dialect, database);
                        if (options.runs(CheckName.INTEGRITY)) {
                            findings.addAll(integrity.after(migration, state, result.after() != null ? result.integrity()
                                    : dialect.data().integrity(database.connection())));
                        }
                        if (data != null && !result.kept()) {
                            data.follow(runner, migration, database, cycled.rowsBrokeIt());
                        }
                        run = run.withReversal(result.reversal(), cycleTime);
                    }
                    if (!stopped) {
                        probing.applied(i, database.connection(), past ? null : state, findings);
                    }
                } catch (InfrastructureException | SQLException e) {
                    Optional<OutsideReach.Reaching> culprit = OutsideReach.first(dialect, migration);
                    if (culprit.isEmpty()) {
                        throw e;
                    }
                    Finding broke = OutsideReach.brokeTheRun(culprit.get(), e.getMessage());
                    findings.add(broke);
                    run = MigrationRun.of(migration, new ScriptOutcome(0, "", Optional.of(broke)), Duration.ZERO).asHistory(past);
                    stopped = true;
                }
                runs.add(run);
                progress.migrationFinished(run, i, migrations.size());
            }
        } catch (SQLException | RuntimeException e) {
            if (historyApplied != null) {
                historyApplied.close();
            }
            throw e;
        } finally {
            if (data != null) {
                data.close();
            }
        }
        if (!stopped && options.runs(CheckName.INTEGRITY) && state != null) {
            findings.addAll(integrity.atEnd(state));
        }
        return new Walked(runs, historyApplied);
    }

    /**
     * The migrations less those their run condition skipped, and without their conditions, which the
     * run decided: the lint observes what the run applied, and does not decide again on its seeded tables.
     */
    private static MigrationSet withoutSkipped(MigrationSet set, List<MigrationRun> runs) {
        Set<Migration> skipped = runs.stream().filter(run -> run.status() == MigrationRun.Status.SKIPPED).map(MigrationRun::migration)
                .collect(Collectors.toSet());
        if (set.migrations().stream().allMatch(migration -> migration.condition().isEmpty())) {
            return set;
        }
        return new MigrationSet(set.directory(), set.layout(), set.migrations().stream().filter(migration -> !skipped.contains(migration))
                .map(migration -> new Migration(migration.version(), migration.description(), migration.up(), migration.down(),
                        Optional.empty())).toList(), set.ignored());
    }

    /** What the migration's run condition decides on the working database now, given what the run applied so far. */
    private static RunCondition.Decision decide(Migration migration, WorkingDatabase database, List<MigrationRun> runs) {
        List<Migration> applied = runs.stream().filter(run -> run.status() == MigrationRun.Status.APPLIED).map(MigrationRun::migration)
                .toList();
        return RunCondition.of(migration, database.connection(), applied);
    }

    /**
     * The runs of a walk, and a copy of the database as the history left it, taken at the first
     * migration of the change when the history comes first (null otherwise, and when the lint started
     * beside the walk with it), for the lint to start from.
     */
    private record Walked(List<MigrationRun> runs, ScratchDatabase historyApplied) {
    }

    /**
     * Cycles a migration, on the data line with its rows when there is one. When the up script fails
     * only because of the rows, the rows are made consistent with the foreign keys the migration
     * adds (as production rows are) and it is tried again; when it still fails, that is reported and
     * it is cycled on the working database without rows. A cycle on the data line that ends as its
     * first up left it (in a transaction, or outside one on the data line itself) leaves the migration
     * applied there once, as its tool applies it, and the data line need not follow.
     */
    private static Cycled cycle(MigrationCycle cycle, WorkingDatabase database, DataLine data, Migration migration,
                         Snapshot state, VerifyOptions options, List<Finding> findings) throws SQLException {
        if (data == null) {
            return new Cycled(cycle.run(database, migration, state, null), false);
        }
        MigrationCycle.Result result = onDataLine(cycle, data, database, migration, state, findings,
                first -> !NewKeyOrphans.found(state, first));
        if (result.upFailure() == null && !result.kept() && NewKeyOrphans.found(state, result) && data.conform(state, result.after())) {
            result = onDataLine(cycle, data, database, migration, state, findings, again -> true);
        }
        if (result.upFailure() == null) {
            return new Cycled(withoutRows(cycle, database, migration, state, result), false);
        }
        MigrationCycle.Result empty = cycle.run(database, migration, state, null);
        if (empty.upFailure() == null) {
            boolean changed = empty.after() != null && data.conform(state, empty.after());
            for (int reseeds = 0; ; reseeds++) {
                if (changed) {
                    result = onDataLine(cycle, data, database, migration, state, findings, again -> true);
                    if (result.upFailure() == null) {
                        return new Cycled(withoutRows(cycle, database, migration, state, result), false);
                    }
                }
                if (reseeds == DataProbe.RESEEDS || !data.reseed(state, result.upCause())) {
                    break;
                }
                changed = true;
            }
        }
        if (empty.upFailure() == null) {
            findings.add(DataFindings.upFailedWithRows(migration, result.upFailure(), options.rows()));
        }
        return new Cycled(empty, true);
    }

    /**
     * Cycles the migration on the data line, kept as {@code keep} says; when the cycle left the data line
     * changed otherwise than as the first up left it (outside a transaction), the data line starts again
     * from the working database, which is as the data line was before the migration, with rows seeded.
     */
    private static MigrationCycle.Result onDataLine(MigrationCycle cycle, DataLine data, WorkingDatabase working, Migration migration,
                                                    Snapshot state, List<Finding> findings, Predicate<MigrationCycle.Result> keep)
            throws SQLException {
        MigrationCycle.Result result = cycle.runKeeping(data.database(), migration, state, data.prepare(migration, state, findings), keep);
        if (result.left() == MigrationCycle.Left.CHANGED) {
            data.startAgain(working, migration, state, findings);
        }
        return result;
    }

    /**
     * A down script that failed on the sample rows is cycled again without them: when it then runs,
     * the failure depends on the rows, and the finding and the migration's status say so; what the
     * rollback on empty tables showed about the schema (left another schema, up again differs) stands.
     */
    private static MigrationCycle.Result withoutRows(MigrationCycle cycle, WorkingDatabase database, Migration migration,
                                                     Snapshot state, MigrationCycle.Result result) throws SQLException {
        boolean downFailed = result.findings().stream().anyMatch(f -> f.ruleId().equals(ReversibilityFindings.DOWN_FAILED));
        if (!downFailed) {
            return result;
        }
        MigrationCycle.Result empty = cycle.run(database, migration, state, null);
        if (empty.findings().stream().anyMatch(f -> f.ruleId().equals(ReversibilityFindings.DOWN_FAILED))) {
            return result;
        }
        List<Finding> findings = new ArrayList<>(result.findings().stream()
                .map(f -> f.ruleId().equals(ReversibilityFindings.DOWN_FAILED) ? ReversibilityFindings.onSampleRows(f) : f)
                .toList());
        empty.findings().stream().filter(f -> f.ruleId().startsWith("reversibility.")).forEach(findings::add);
        boolean restored = empty.reversal() == MigrationRun.Reversal.REVERSED || empty.reversal() == MigrationRun.Reversal.NOT_CHECKED;
        return result.withFindings(findings, restored ? MigrationRun.Reversal.FAILS_ON_SAMPLE_ROWS : empty.reversal());
    }

    private static Snapshot snapshot(Dialect dialect, WorkingDatabase database) throws SQLException {
        return dialect.snapshot(database.connection(), SnapshotOptions.full());
    }

    /**
     * The lint's findings less those of the dialect's rules that repeat a refusal (PostgreSQL's
     * {@code lint.concurrently-in-transaction}) on a statement the apply check has already shown
     * refused by the server in the tool's transaction: one fact, one finding, the one with the server's evidence.
     */
    private static List<Finding> withoutRefusedAgain(List<Finding> lint, List<Finding> findings, Dialect dialect) {
        Set<String> repeating = DialectRules.find(dialect.id()).map(DialectRules::repeatRefusalInTransaction).orElse(Set.of());
        Set<Location> refused = findings.stream().filter(f -> f.ruleId().equals(StatementFailures.NOT_IN_TRANSACTION))
                .map(Finding::location).collect(Collectors.toSet());
        return lint.stream().filter(f -> !(repeating.contains(f.ruleId())
                && f.location() != null && refused.contains(f.location()))).toList();
    }

    /** The text lint's findings less those on a statement the apply check has shown failing: one fact, one finding. */
    private static List<Finding> notWhereApplyFailed(List<Finding> lint, List<Finding> findings) {
        Set<Location> failed = findings.stream().filter(f -> f.ruleId().equals(StatementFailures.FAILED))
                .map(Finding::location).collect(Collectors.toSet());
        return lint.stream().filter(f -> f.location() == null || !failed.contains(f.location())).toList();
    }

    /** A cycle's result, and whether the data line's rows made the up script fail. */
    private record Cycled(MigrationCycle.Result result, boolean rowsBrokeIt) {
    }
}
