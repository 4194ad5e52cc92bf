package dev.schemagate.engine;

import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.diff.PlanProof;
import dev.schemagate.diff.SchemaDiff;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.dialect.StartingServer;
import dev.schemagate.migration.Layout;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What {@code diff} does, for the CLI and the Maven goal alike: both sources read on one server,
 * their difference, and, when SQL is wanted, the plan proven on a scratch copy of SOURCE.
 */
public final class DiffRun {

    /** Reads TARGET beside SOURCE on a daemon thread of its own. */
    private static final Executor READER = task -> {
        Thread thread = new Thread(task, "schemagate-target-read");
        thread.setDaemon(true);
        thread.start();
    };

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

    /**
     * Reads both sources on a running server, plans the SQL between them and proves it there. A live
     * SOURCE that is a database of that server, and idle, is copied by the server rather than built
     * again from its snapshot (see {@link DatabaseServer#copyOf}), and read from the copy; never on a
     * server other people use, where a copy would hold up their connections to that database.
     */
    public static DiffResult planned(Dialect dialect, DatabaseServer server, String source, String target,
                                     DiffOptions options) {
        Optional<ScratchDatabase> copy = source.startsWith("jdbc:") && !options.server().shared()
                ? server.copyOf(() -> dialect.connectLive(source)) : Optional.empty();
        try {
            Supplier<Snapshot> readSource = copy.isPresent() ? () -> read(dialect, copy.get(), options.snapshot())
                    : () -> SnapshotSource.read(source, dialect, server, options.layout(), options.snapshot());
            Sources both = both(dialect, server, readSource, source, target, options);
            Snapshot from = both.from();
            Snapshot to = both.to();
            MigrationPlan migration = dialect.migrationPlan(from, to, options.columnOrder());
            PlanValidator validator = new PlanValidator(dialect, server,
                    new PlanValidator.PlanSettings(options.snapshot(), options.columnOrder(), options.rows(), 1));
            PlanProof proof = copy.isPresent() ? validator.prove(copy.get(), from, to, migration, options.unsafe())
                    : validator.prove(from, to, migration, options.unsafe());
            return new DiffResult(SchemaDiff.of(from, to), proof);
        } finally {
            copy.ifPresent(ScratchDatabase::close);
        }
    }

    private static Snapshot read(Dialect dialect, ScratchDatabase database, SnapshotOptions options) {
        try (Connection connection = database.connect()) {
            return dialect.snapshot(connection, database::connect, options);
        } catch (SQLException e) {
            throw new InfrastructureException("could not read the copy of SOURCE: " + e.getMessage(), e);
        }
    }

    /**
     * SOURCE and TARGET, read at once when at most one of them is built on the server (a live
     * database or a snapshot file is only read), so the two reads overlap; one after the other
     * when both are built there.
     */
    private static Sources both(Dialect dialect, DatabaseServer server, Supplier<Snapshot> readSource, String source,
                                String target, DiffOptions options) {
        if (SnapshotSource.appliesSql(source) && SnapshotSource.appliesSql(target)) {
            return new Sources(readSource.get(),
                    SnapshotSource.read(target, dialect, server, options.layout(), options.snapshot()));
        }
        CompletableFuture<Snapshot> to = CompletableFuture.supplyAsync(
                () -> SnapshotSource.read(target, dialect, server, options.layout(), options.snapshot()), READER);
        Snapshot from;
        try {
            from = readSource.get();
        } catch (RuntimeException e) {
            to.exceptionally(ignored -> null).join();
            throw e;
        }
        try {
            return new Sources(from, to.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** SOURCE's and TARGET's snapshots. */
    private record Sources(Snapshot from, Snapshot to) {
    }
}
