package dev.schemagate.engine;

import dev.schemagate.check.Finding;
import dev.schemagate.check.ScriptOutcome;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.migration.DialectNames;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the verify checks on a migrations folder: finds the migrations, starts a server, applies
 * every migration in order on a scratch database and, migration by migration, proves its down
 * script restores the schema; collects the findings.
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
            List<Finding> findings = new ArrayList<>();
            List<MigrationRun> runs = walk(set, dialect, database, options, findings);
            if (options.expected() != null && runs.stream().allMatch(run -> run.status() == MigrationRun.Status.APPLIED)) {
                findings.addAll(ExpectedSchemaCheck.check(dialect, server, database.connection(), options));
            }
            return new VerifyResult(set, runs, findings, server.description(), options.failOn(),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (SQLException e) {
            throw new InfrastructureException("lost the connection to the database: " + e.getMessage(), e);
        }
    }

    private List<MigrationRun> walk(MigrationSet set, Dialect dialect, WorkingDatabase database, VerifyOptions options,
                                    List<Finding> findings) throws SQLException {
        ScriptRunner runner = new ScriptRunner(dialect);
        boolean reversibility = options.runs(CheckName.REVERSIBILITY);
        ReversibilityCycle cycle = new ReversibilityCycle(dialect, runner, database, options.baseline());
        Snapshot state = reversibility ? dialect.snapshot(database.connection(), SnapshotOptions.full()) : null;
        List<MigrationRun> runs = new ArrayList<>();
        List<Migration> migrations = set.migrations();
        boolean stopped = false;
        for (int i = 0; i < migrations.size(); i++) {
            Migration migration = migrations.get(i);
            if (stopped) {
                runs.add(MigrationRun.notRun(migration));
                continue;
            }
            progress.migrationStarted(migration, i, migrations.size());
            long begin = System.nanoTime();
            ScriptOutcome outcome = runner.run(database.connection(), migration.up());
            MigrationRun run = new MigrationRun(migration,
                    outcome.succeeded() ? MigrationRun.Status.APPLIED : MigrationRun.Status.FAILED,
                    Duration.ofNanos(System.nanoTime() - begin), outcome.statements(), outcome.autocommitReason(),
                    MigrationRun.Reversal.NOT_CHECKED, Duration.ZERO);
            outcome.failure().ifPresent(findings::add);
            stopped = !outcome.succeeded();
            if (!stopped && reversibility) {
                long cycleStart = System.nanoTime();
                Snapshot after = dialect.snapshot(database.connection(), SnapshotOptions.full());
                ReversibilityCycle.Result result = cycle.check(migration, state, after);
                findings.addAll(result.findings());
                run = run.withReversal(result.reversal(), Duration.ofNanos(System.nanoTime() - cycleStart));
                state = after;
            }
            runs.add(run);
            progress.migrationFinished(run, i, migrations.size());
        }
        return runs;
    }
}
