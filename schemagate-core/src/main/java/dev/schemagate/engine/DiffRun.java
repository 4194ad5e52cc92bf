package dev.schemagate.engine;

import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.diff.PlanProof;
import dev.schemagate.diff.SchemaDiff;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.dialect.StartingServer;
import dev.schemagate.migration.Layout;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;

/**
 * What {@code diff} does, for the CLI and the Maven goal alike: both sources read on one server,
 * their difference, and, when SQL is wanted, the plan proven on a scratch copy of SOURCE.
 */
public final class DiffRun {

    private DiffRun() {
    }

    /**
     * What a diff compares and plans.
     *
     * @param snapshot    what snapshots record: owners and privileges only when asked for
     * @param columnOrder whether a different column order alone rebuilds a table (copying its rows)
     * @param unsafe      whether statements that can lose data stay in the plan
     * @param rows        synthetic rows per touched table on the copy the plan is proven on
     */
    public record DiffOptions(ServerOptions server, Layout layout, SnapshotOptions snapshot, boolean columnOrder,
                              boolean unsafe, int rows) {
    }

    /**
     * The outcome.
     *
     * @param diff  what differs from SOURCE to TARGET
     * @param proof the proven plan, or null when no plan was asked for
     */
    public record DiffResult(SchemaDiff diff, PlanProof proof) {
    }

    /** Reads both sources and, with {@code plan}, plans the SQL between them and proves it. */
    public static DiffResult run(Dialect dialect, String source, String target, DiffOptions options, boolean plan) {
        boolean oneServer = !options.server().shared() && (SnapshotSource.appliesSql(source) || SnapshotSource.appliesSql(target));
        if (!plan && !oneServer) {
            Snapshot from = SnapshotSource.read(source, dialect, options.server(), options.layout(), options.snapshot());
            Snapshot to = SnapshotSource.read(target, dialect, options.server(), options.layout(), options.snapshot());
            return new DiffResult(SchemaDiff.of(from, to), null);
        }
        // started while the sources are read, and both read on it
        try (DatabaseServer server = StartingServer.begin(dialect, options.server())) {
            if (!plan) {
                Snapshot from = SnapshotSource.read(source, dialect, server, options.layout(), options.snapshot());
                Snapshot to = SnapshotSource.read(target, dialect, server, options.layout(), options.snapshot());
                return new DiffResult(SchemaDiff.of(from, to), null);
            }
            return planned(dialect, server, source, target, options);
        }
    }

    /** Reads both sources on a running server, plans the SQL between them and proves it there. */
    public static DiffResult planned(Dialect dialect, DatabaseServer server, String source, String target,
                                     DiffOptions options) {
        Snapshot from = SnapshotSource.read(source, dialect, server, options.layout(), options.snapshot());
        Snapshot to = SnapshotSource.read(target, dialect, server, options.layout(), options.snapshot());
        MigrationPlan migration = dialect.migrationPlan(from, to, options.columnOrder());
        PlanValidator validator = new PlanValidator(dialect, server,
                new PlanValidator.PlanSettings(options.snapshot(), options.columnOrder(), options.rows(), 1));
        return new DiffResult(SchemaDiff.of(from, to), validator.prove(from, to, migration, options.unsafe()));
    }
}
