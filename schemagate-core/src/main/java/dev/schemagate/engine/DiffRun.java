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
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What {@code diff} does, for the CLI and the Maven goal alike: both sources read on one server,
 * their difference, and, when SQL is wanted, the plan proven on a scratch copy of SOURCE.
 */
public final class DiffRun {

    /** Reads TARGET beside SOURCE on a daemon thread of its own. */
    private static final Executor READER = DaemonThreads.named("schemagate-target-read");

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
     * @param diff   what differs from SOURCE to TARGET
     * @param proof  the proven plan, or null when no plan was asked for
     * @param server what both were read on, for people ({@code embedded PostgreSQL 17.6}), or null when
     *               each was read where it is (a snapshot file, a database of its own)
     */
    public record DiffResult(SchemaDiff diff, PlanProof proof, String server) {
    }

    /** Reads both sources and, with {@code plan}, plans the SQL between them and proves it. */
    public static DiffResult run(Dialect dialect, String source, String target, DiffOptions options, boolean plan) {
        boolean oneServer = !options.server().shared() && (SnapshotSource.appliesSql(source) || SnapshotSource.appliesSql(target));
        if (!plan && !oneServer) {
            Snapshot from = SnapshotSource.read(source, dialect, options.server(), options.layout(), options.snapshot());
            Snapshot to = SnapshotSource.read(target, dialect, options.server(), options.layout(), options.snapshot());
            return new DiffResult(SchemaDiff.of(from, to), null, null);
        }
        // started while the sources are read, and both read on it
        try (DatabaseServer server = StartingServer.begin(dialect, options.server())) {
            if (!plan) {
                Snapshot from = SnapshotSource.read(source, dialect, server, options.layout(), options.snapshot());
                Snapshot to = SnapshotSource.read(target, dialect, server, options.layout(), options.snapshot());
                return new DiffResult(SchemaDiff.of(from, to), null, server.description());
            }
            return planned(dialect, server, source, target, options);
        }
    }

    /**
     * Reads both sources on a running server, plans the SQL between them and proves it there. A live
     * SOURCE that is a database of that server, and idle, is copied by the server rather than built
     * again from its snapshot (see {@link DatabaseServer#copyOf}), and read from the copy; never on a
     * server other people use, where a copy would hold up their connections to that database. TARGET
     * is read meanwhile, and the plan is made while the server prepares SOURCE for its proof.
     */
    public static DiffResult planned(Dialect dialect, DatabaseServer server, String source, String target,
                                     DiffOptions options) {
        Supplier<Snapshot> readTarget = () -> SnapshotSource.read(target, dialect, server, options.layout(), options.snapshot());
        // TARGET is read while SOURCE is copied and read, unless both are built on the server (one after the
        // other), or TARGET is SOURCE, whose copy needs no session on it
        boolean atOnce = !(SnapshotSource.appliesSql(source) && SnapshotSource.appliesSql(target)) && !source.equals(target);
        CompletableFuture<Snapshot> targetRead = atOnce ? CompletableFuture.supplyAsync(readTarget, READER) : null;
        Optional<ScratchDatabase> copy = Optional.empty();
        try {
            copy = source.startsWith("jdbc:") && !options.server().shared()
                    ? server.copyOf(() -> dialect.connectLive(source)) : Optional.empty();
            Snapshot from = copy.isPresent() ? read(dialect, copy.get(), options.snapshot())
                    : SnapshotSource.read(source, dialect, server, options.layout(), options.snapshot());
            Snapshot to = targetRead == null ? readTarget.get() : DaemonThreads.joined(targetRead);
            Supplier<MigrationPlan> planner = () -> dialect.migrationPlan(from, to, options.columnOrder());
            PlanValidator validator = new PlanValidator(dialect, server,
                    new PlanValidator.PlanSettings(options.snapshot(), options.columnOrder(), options.rows(), 1));
            PlanProof proof = copy.isPresent() ? validator.prove(copy.get(), from, to, planner, options.unsafe())
                    : validator.prove(from, to, planner, options.unsafe());
            return new DiffResult(SchemaDiff.of(from, to), proof, server.description());
        } catch (RuntimeException e) {
            if (targetRead != null) {
                targetRead.exceptionally(ignored -> null).join();
            }
            throw e;
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
}
