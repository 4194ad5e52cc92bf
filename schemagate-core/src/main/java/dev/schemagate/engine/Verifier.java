package dev.schemagate.engine;

import dev.schemagate.check.DataFindings;
import dev.schemagate.check.Finding;
import dev.schemagate.check.ReversibilityFindings;
import dev.schemagate.check.ScriptOutcome;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.check.StatementFailures;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.lint.LintConfigFile;
import dev.schemagate.lint.Linter;
import dev.schemagate.lint.Rules;
import dev.schemagate.migration.DialectNames;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the verify checks on a migrations folder: finds the migrations, starts a server, and for
 * every migration in order first cycles it (up, down, up again, on seeded tables, in a transaction
 * that is rolled back or on a clone) and then applies it to the working database for real;
 * collects the findings.
 */
public final class Verifier {

    private final ProgressListener progress;

    public Verifier(ProgressListener progress) {
        this.progress = progress;
    }

    public VerifyResult verify(VerifyOptions options) {
        long start = System.nanoTime();
        Dialect dialect = Dialects.byId(options.dialect());
        MigrationSet set = MigrationDiscovery.discover(options.directory(), options.layout(), DialectNames.of(dialect.fileNameAliases()));
        try (DatabaseServer server = dialect.start(options.server()); WorkingDatabase database = new WorkingDatabase(server)) {
            progress.started(set, server.description());
            List<Finding> findings = new ArrayList<>(StatementFailures.ignored(set.ignored()));
            List<MigrationRun> runs = walk(set, dialect, database, options, findings);
            boolean applied = runs.stream().allMatch(run -> run.status() == MigrationRun.Status.APPLIED);
            if (options.expected() != null && applied) {
                findings.addAll(ExpectedSchemaCheck.check(dialect, server, database.connection(), options));
            }
            if (options.runs(CheckName.LINT)) {
                findings.addAll(withoutRefusedAgain(lint(set, dialect, server, options, applied), findings));
            }
            return new VerifyResult(set, runs, findings, server.description(), options.failOn(),
                    Duration.ofNanos(System.nanoTime() - start), options.checks());
        } catch (SQLException e) {
            throw new InfrastructureException("lost the connection to the database: " + e.getMessage(), e);
        }
    }

    private List<MigrationRun> walk(MigrationSet set, Dialect dialect, WorkingDatabase database, VerifyOptions options,
                                    List<Finding> findings) throws SQLException {
        ScriptRunner runner = new ScriptRunner(dialect);
        boolean cycles = options.runs(CheckName.REVERSIBILITY) || options.runs(CheckName.DATA)
                || options.runs(CheckName.INTEGRITY);
        boolean hasDowns = set.migrations().stream().anyMatch(migration -> migration.down().isPresent());
        if (!hasDowns && options.runs(CheckName.REVERSIBILITY)) {
            findings.add(ReversibilityFindings.noDownScripts(set));
        }
        MigrationCycle cycle = new MigrationCycle(dialect, runner, options, hasDowns);
        IntegrityWatch integrity = new IntegrityWatch();
        Snapshot state = cycles ? snapshot(dialect, database) : null;
        List<MigrationRun> runs = new ArrayList<>();
        List<Migration> migrations = set.migrations();
        boolean stopped = false;
        try (DataLine data = options.runs(CheckName.DATA) ? new DataLine(dialect.data(), options, database.copy()) : null) {
            for (int i = 0; i < migrations.size(); i++) {
                Migration migration = migrations.get(i);
                if (stopped) {
                    runs.add(MigrationRun.notRun(migration));
                    continue;
                }
                progress.migrationStarted(migration, i, migrations.size());
                long cycleStart = System.nanoTime();
                Cycled cycled = cycles ? cycle(cycle, database, data, migration, state, options, findings) : null;
                Duration cycleTime = Duration.ofNanos(System.nanoTime() - cycleStart);
                long begin = System.nanoTime();
                ScriptOutcome outcome = runner.run(database.connection(), migration.up());
                MigrationRun run = MigrationRun.of(migration, outcome, Duration.ofNanos(System.nanoTime() - begin));
                outcome.failure().ifPresent(findings::add);
                outcome.refusal().ifPresent(findings::add);
                stopped = !outcome.succeeded();
                if (!stopped && cycled != null) {
                    MigrationCycle.Result result = cycled.result();
                    findings.addAll(result.findings());
                    state = result.after() != null ? result.after() : snapshot(dialect, database);
                    if (options.runs(CheckName.INTEGRITY)) {
                        findings.addAll(integrity.after(migration, state, result.after() != null ? result.integrity()
                                : dialect.data().integrity(database.connection())));
                    }
                    if (data != null) {
                        follow(runner, data, database, migration, cycled.rowsBrokeIt());
                    }
                    run = run.withReversal(result.reversal(), cycleTime);
                }
                runs.add(run);
                progress.migrationFinished(run, i, migrations.size());
            }
        }
        if (!stopped && options.runs(CheckName.INTEGRITY) && state != null) {
            findings.addAll(integrity.atEnd(state));
        }
        return runs;
    }

    /**
     * Cycles a migration, on the data line with its rows when there is one; when the up script
     * fails only because of the rows, says so and cycles it on the working database without rows.
     */
    private static Cycled cycle(MigrationCycle cycle, WorkingDatabase database, DataLine data, Migration migration,
                         Snapshot state, VerifyOptions options, List<Finding> findings) throws SQLException {
        if (data == null) {
            return new Cycled(cycle.run(database, migration, state, null), false);
        }
        RowWatch rows = data.prepare(migration, state, findings);
        MigrationCycle.Result result = cycle.run(data.database(), migration, state, rows);
        if (result.upFailure() == null) {
            return new Cycled(result, false);
        }
        MigrationCycle.Result empty = cycle.run(database, migration, state, null);
        if (empty.upFailure() == null) {
            findings.add(DataFindings.upFailedWithRows(migration, result.upFailure(), options.rows()));
        }
        return new Cycled(empty, true);
    }

    /** Applies the migration to the data line too; when its rows break it, the data line starts again from the working database. */
    private static void follow(ScriptRunner runner, DataLine data, WorkingDatabase database, Migration migration,
                               boolean rowsBrokeIt) throws SQLException {
        if (rowsBrokeIt || !runner.run(data.database().connection(), migration.up()).succeeded()) {
            data.rebuildFrom(database);
        }
    }

    private static Snapshot snapshot(Dialect dialect, WorkingDatabase database) throws SQLException {
        return dialect.snapshot(database.connection(), SnapshotOptions.full());
    }

    /**
     * The lint's findings less its {@code lint.concurrently-in-transaction} on a statement the
     * apply check has already shown refused by the server in the tool's transaction: one fact, one
     * finding, the one with the server's evidence.
     */
    private static List<Finding> withoutRefusedAgain(List<Finding> lint, List<Finding> findings) {
        Set<Location> refused = findings.stream().filter(f -> f.ruleId().equals(StatementFailures.NOT_IN_TRANSACTION))
                .map(Finding::location).collect(Collectors.toSet());
        return lint.stream().filter(f -> !(f.ruleId().equals(Rules.CONCURRENTLY_IN_TRANSACTION.id())
                && f.location() != null && refused.contains(f.location()))).toList();
    }

    /** A cycle's result, and whether the data line's rows made the up script fail. */
    private record Cycled(MigrationCycle.Result result, boolean rowsBrokeIt) {
    }

    /**
     * The lint check, observed on a database of its own so its seeded rows never reach the working
     * one. When a migration did not apply, the apply check has said why: the lint's own note that
     * its observation stopped there would only repeat it.
     */
    private static List<Finding> lint(MigrationSet set, Dialect dialect, DatabaseServer server, VerifyOptions options,
                                      boolean applied) {
        Linter linter = new Linter(dialect, LintConfigFile.forRun(options.directory()));
        try (ScratchDatabase scratch = server.createDatabase()) {
            return linter.lintObserved(set, scratch, options.rows()).findings().stream()
                    .filter(finding -> applied || !finding.ruleId().equals(Rules.OBSERVATION_STOPPED.id()))
                    .toList();
        }
    }
}
