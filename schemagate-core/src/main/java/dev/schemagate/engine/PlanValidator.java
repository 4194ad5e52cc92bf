package dev.schemagate.engine;

import dev.schemagate.check.ScriptOutcome;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.diff.PlanProof;
import dev.schemagate.diff.PlanRun;
import dev.schemagate.diff.PlannedStatement;
import dev.schemagate.diff.SchemaDiff;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.lint.ObservationProvider;
import dev.schemagate.lint.StatementObserver;
import dev.schemagate.migration.Script;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Proves a migration plan before anyone sees it: SOURCE is rebuilt in a scratch database from its
 * snapshot (while the plan is made) and a clone of it seeded with rows, the plan runs on that one, or on a
 * clone of it when a try of the plan without what can lose data follows, statement by statement under the
 * lint observer (so the hazards shown are those seen), and the result is snapshotted and compared
 * with TARGET, rows counted table by table. Statements that can lose data are held back unless
 * asked for, and the rest runs on a clone of its own; when a statement then fails, every statement
 * of the change it serves is held back too, and the rest tried again, so the safe plan shown is one
 * that ran. A dialect without a lint observer runs the plan unwatched, and its statements keep the
 * hazards its planner declared.
 */
public final class PlanValidator {

    private static final int MAX_HOLD_BACK_ROUNDS = 20;
    private static final Path SOURCE_FILE = Path.of("SOURCE.sql");
    /** Prepares SOURCE's databases on a daemon thread of their own, beside the planning. */
    private static final Executor PREPARER = DaemonThreads.named("schemagate-plan-source");

    private final Dialect dialect;
    private final DatabaseServer server;
    private final PlanSettings settings;
    private final StatementObserver observer;

    /**
     * How to prove plans.
     *
     * @param snapshot    what snapshots record (owners, privileges), as the diff compared them
     * @param columnOrder whether a different column order counts as a difference left over
     * @param rows        synthetic rows seeded in each table the plan touches
     * @param seed        seed of the synthetic rows
     */
    public record PlanSettings(SnapshotOptions snapshot, boolean columnOrder, int rows, long seed) {
    }

    public PlanValidator(Dialect dialect, DatabaseServer server, PlanSettings settings) {
        this.dialect = dialect;
        this.server = server;
        this.settings = settings;
        // the hazards of a plan are read from locks, rewrites and index builds: neither the rows under a lock
        // are counted nor the views over a dropped column read
        this.observer = ObservationProvider.find(dialect.id()).map(p -> p.observer().hazardsOnly()).orElse(null);
    }

    /** Runs {@code plan} from {@code from} to {@code to}; with {@code unsafe} false, also the plan without what can lose data. */
    public PlanProof prove(Snapshot from, Snapshot to, MigrationPlan plan, boolean unsafe) {
        return prove(from, to, () -> plan, unsafe);
    }

    /**
     * As {@link #prove(Snapshot, Snapshot, MigrationPlan, boolean)}, the plan made by {@code planner} on
     * this thread while the server builds SOURCE and clones it for the rows.
     */
    public PlanProof prove(Snapshot from, Snapshot to, Supplier<MigrationPlan> planner, boolean unsafe) {
        return proveWhilePlanning(planner, () -> {
            ScratchDatabase empty = server.createDatabase();
            try {
                String notBuilt = build(empty, from);
                return new Copies(empty, notBuilt == null ? server.cloneDatabase(empty) : null, true, notBuilt, false);
            } catch (SQLException | RuntimeException e) {
                empty.close();
                throw e;
            }
        }, from, to, unsafe);
    }

    /**
     * As {@link #prove(Snapshot, Snapshot, MigrationPlan, boolean)}, on SOURCE already held by a database
     * of this server, its tables empty (a copy the server made of it, whose snapshot {@code from} is, read
     * from it as the settings say); the caller drops it.
     */
    public PlanProof prove(ScratchDatabase source, Snapshot from, Snapshot to, MigrationPlan plan, boolean unsafe) {
        return prove(source, from, to, () -> plan, unsafe);
    }

    /** As {@link #prove(ScratchDatabase, Snapshot, Snapshot, MigrationPlan, boolean)}, the plan made while the server clones SOURCE. */
    public PlanProof prove(ScratchDatabase source, Snapshot from, Snapshot to, Supplier<MigrationPlan> planner,
                           boolean unsafe) {
        return proveWhilePlanning(planner, () -> new Copies(source, server.cloneDatabase(source), false, null, true),
                from, to, unsafe);
    }

    /**
     * Prepares SOURCE's databases on a thread of their own while {@code planner} runs on this one (the
     * server copies files while Java plans), then proves the plan on them.
     */
    private PlanProof proveWhilePlanning(Supplier<MigrationPlan> planner, Preparation preparation, Snapshot from,
                                         Snapshot to, boolean unsafe) {
        CompletableFuture<Copies> preparing = CompletableFuture.supplyAsync(() -> {
            try {
                return preparation.prepare();
            } catch (SQLException e) {
                throw lost(e);
            }
        }, PREPARER);
        MigrationPlan plan;
        try {
            plan = planner.get();
        } catch (RuntimeException e) {
            preparing.thenAccept(Copies::close).exceptionally(ignored -> null).join();
            throw e;
        }
        try (Copies copies = DaemonThreads.joined(preparing)) {
            if (copies.notBuilt() != null) {
                return new PlanProof(plan, new PlanRun(List.of(), null, new SchemaDiff(List.of()), Map.of()),
                        List.of(), null, copies.notBuilt());
            }
            return proveOn(copies, from, to, plan, unsafe);
        } catch (SQLException e) {
            throw lost(e);
        }
    }


    /** Makes SOURCE's databases. */
    private interface Preparation {
        Copies prepare() throws SQLException;
    }

    /**
     * SOURCE on the server with its tables empty, and a clone of it to seed (null when SOURCE could not
     * be built, and {@code notBuilt} says why); closing drops the clone, and SOURCE when {@code ownsEmpty}.
     * With {@code read}, SOURCE's snapshot was read from {@code empty} itself (a copy the server made),
     * so what a try of the plan leaves can be read as that snapshot with what the plan changed; a SOURCE
     * built from its snapshot may differ from it where the build cannot say everything, and is read whole.
     */
    private record Copies(ScratchDatabase empty, ScratchDatabase seeded, boolean ownsEmpty, String notBuilt,
                          boolean read) implements AutoCloseable {

        @Override
        public void close() {
            try {
                if (seeded != null) {
                    seeded.close();
                }
            } finally {
                if (ownsEmpty) {
                    empty.close();
                }
            }
        }
    }

    private PlanProof proveOn(Copies copies, Snapshot from, Snapshot to, MigrationPlan plan, boolean unsafe)
            throws SQLException {
        boolean once = unsafe || plan.destructive().isEmpty();
        // a plan tried once runs on the seeded SOURCE itself, in the session that seeded it, whose caches
        // already hold the tables the plan touches; tries on clones of it need it without a session
        Connection seeding = copies.seeded().connect();
        try {
            Seeded rowsBefore = seed(seeding, from, plan);
            if (!once) {
                seeding.close();
            }
            PlanTrial trial = new PlanTrial(dialect, server, observer, settings, copies.empty(), copies.seeded(), to,
                    rowsBefore, copies.read() ? from : null, once ? seeding : null);
            PlanRun full = once ? trial.runLast(plan.statements()) : trial.run(plan.statements());
            MigrationPlan observed = plan.with(observedHazards(plan, full));
            if (once) {
                return new PlanProof(observed, full, List.of(), null, null);
            }
            Set<String> held = new LinkedHashSet<>();
            PlanRun safe = trial.run(without(plan, held));
            for (int round = 0; round < MAX_HOLD_BACK_ROUNDS && holdsMore(safe, held); round++) {
                safe = trial.run(without(plan, held));
            }
            return new PlanProof(observed, full, heldBack(observed, held), safe, null);
        } finally {
            seeding.close();
        }
    }

    private static InfrastructureException lost(SQLException e) {
        return new InfrastructureException("lost the connection to the scratch database: " + e.getMessage(), e);
    }

    /** The failing statement serves a change not yet held back and not failing in the whole plan: hold it back too. */
    private static boolean holdsMore(PlanRun safe, Set<String> held) {
        PlanRun.Failure failure = safe.failure();
        return failure != null && !failure.onlyWithRows() && !failure.statement().change().isEmpty()
                && held.add(failure.statement().change());
    }

    /** The plan without what can lose data, nor the changes whose statements fail without it. */
    private static List<PlannedStatement> without(MigrationPlan plan, Set<String> held) {
        return plan.statements().stream().filter(s -> !s.destructive() && !held.contains(s.change())).toList();
    }

    private static List<PlannedStatement> heldBack(MigrationPlan plan, Set<String> held) {
        return plan.statements().stream().filter(s -> s.destructive() || held.contains(s.change())).toList();
    }

    private static List<PlannedStatement> observedHazards(MigrationPlan plan, PlanRun run) {
        List<PlannedStatement> statements = new ArrayList<>(plan.statements());
        for (int i = 0; i < run.ran().size(); i++) {
            statements.set(i, run.ran().get(i));
        }
        return statements;
    }

    /**
     * SOURCE's schema, sent as one query in one transaction (one round trip, whatever the number of
     * objects); when that fails, nothing is left and it runs again statement by statement, to say
     * which statement fails and why.
     */
    private String build(ScratchDatabase database, Snapshot from) throws SQLException {
        String schema = dialect.schemaSql(from);
        try (Connection connection = database.connect()) {
            if (runsWhole(connection, schema)) {
                return null;
            }
            ScriptOutcome outcome = new ScriptRunner(dialect).run(connection, Script.of(SOURCE_FILE, schema));
            return outcome.failure().map(failure -> failure.message()).orElse(null);
        }
    }

    private boolean runsWhole(Connection connection, String sql) throws SQLException {
        connection.setAutoCommit(false);
        try {
            dialect.executeScript(connection, sql);
            connection.commit();
            return true;
        } catch (SQLException e) {
            connection.rollback();
            return false;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** The tables seeded and the rows each then held. */
    record Seeded(Set<QualifiedName> tables, Map<String, Long> rows) {
    }

    /**
     * Seeds the tables the plan touches, as {@code from} (the schema the database was built from)
     * describes them, over {@code connection}, which is left in autocommit mode.
     */
    private Seeded seed(Connection connection, Snapshot from, MigrationPlan plan) throws SQLException {
        RowCounts counts = new RowCounts(from, dialect.data());
        Set<QualifiedName> touched = counts.touched(plan);
        connection.setAutoCommit(false);
        dialect.data().seed(connection, from, touched, settings.rows(), settings.seed());
        connection.commit();
        connection.setAutoCommit(true);
        return new Seeded(touched, counts.count(connection, touched));
    }
}
