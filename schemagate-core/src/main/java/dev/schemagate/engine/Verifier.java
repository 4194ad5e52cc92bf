package dev.schemagate.engine;

import dev.schemagate.check.Finding;
import dev.schemagate.check.ScriptOutcome;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.migration.DialectNames;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the verify checks on a migrations folder: finds the migrations, starts a server, applies
 * every migration in order on a scratch database, and collects the findings.
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
        try (DatabaseServer server = dialect.start(options.server()); ScratchDatabase database = server.createDatabase()) {
            progress.started(set, server.description());
            List<Finding> findings = new ArrayList<>();
            List<MigrationRun> runs = apply(set, new ScriptRunner(dialect), database, findings);
            return new VerifyResult(set, runs, findings, server.description(), options.failOn(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private List<MigrationRun> apply(MigrationSet set, ScriptRunner runner, ScratchDatabase database, List<Finding> findings) {
        List<MigrationRun> runs = new ArrayList<>();
        List<Migration> migrations = set.migrations();
        try (Connection connection = database.connect()) {
            for (int i = 0; i < migrations.size(); i++) {
                Migration migration = migrations.get(i);
                if (!findings.isEmpty()) {
                    runs.add(MigrationRun.notRun(migration));
                    continue;
                }
                progress.migrationStarted(migration, i, migrations.size());
                long begin = System.nanoTime();
                ScriptOutcome outcome = runner.run(connection, migration.up());
                outcome.failure().ifPresent(findings::add);
                MigrationRun run = new MigrationRun(migration,
                        outcome.succeeded() ? MigrationRun.Status.APPLIED : MigrationRun.Status.FAILED,
                        Duration.ofNanos(System.nanoTime() - begin), outcome.statements(), outcome.autocommitReason());
                runs.add(run);
                progress.migrationFinished(run, i, migrations.size());
            }
        } catch (SQLException e) {
            throw new InfrastructureException("lost the connection to the database: " + e.getMessage(), e);
        }
        return runs;
    }
}
