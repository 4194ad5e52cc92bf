package dev.schemagate.engine;

import dev.schemagate.diff.Difference;
import dev.schemagate.diff.Hazard;
import dev.schemagate.diff.PlanRun;
import dev.schemagate.diff.PlannedStatement;
import dev.schemagate.diff.SchemaDiff;
import dev.schemagate.diff.SnapshotComparison;
import dev.schemagate.dialect.ChangeTracking;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.lint.Observation;
import dev.schemagate.lint.StatementObserver;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Statement;
import dev.schemagate.model.Snapshot;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One try of a list of planned statements on a fresh clone of the seeded SOURCE (the last try, on the
 * seeded SOURCE itself): each statement in
 * a transaction of its own, watched by the lint observer (when the dialect has one), then the result compared with TARGET and
 * the rows counted. A statement that fails there is tried again on a clone without rows, to tell a
 * broken plan from rows it cannot take. When the schema the tries start from is known as read from the
 * server and the dialect tracks changes, the result is read as that schema with what the plan changed
 * read again (a plan touching 160 tables of 1,000 reads those 160), the same snapshot as a whole read.
 */
final class PlanTrial {

    private static final Location PLAN = Location.of(Path.of("plan.sql"));

    private final Dialect dialect;
    private final DatabaseServer server;
    private final StatementObserver observer;
    private final PlanValidator.PlanSettings settings;
    private final ScratchDatabase empty;
    private final ScratchDatabase seeded;
    private final Snapshot target;
    private final PlanValidator.Seeded before;
    /** The schema of {@code empty} and {@code seeded} as read from them, or null when it is not known so. */
    private final Snapshot base;
    /** A session on {@code seeded} for the last try to run in (its caller closes it), or null to open one. */
    private final Connection onSeeded;

    PlanTrial(Dialect dialect, DatabaseServer server, StatementObserver observer, PlanValidator.PlanSettings settings,
              ScratchDatabase empty, ScratchDatabase seeded, Snapshot target, PlanValidator.Seeded before, Snapshot base,
              Connection onSeeded) {
        this.dialect = dialect;
        this.server = server;
        this.observer = observer;
        this.settings = settings;
        this.empty = empty;
        this.seeded = seeded;
        this.target = target;
        this.before = before;
        this.base = base;
        this.onSeeded = onSeeded;
    }

    PlanRun run(List<PlannedStatement> statements) throws SQLException {
        return run(statements, false);
    }

    /**
     * As {@link #run}, for the last try: on the seeded SOURCE itself, which no later try then needs, rather
     * than on a clone, and in the session given for it, if any.
     */
    PlanRun runLast(List<PlannedStatement> statements) throws SQLException {
        return run(statements, true);
    }

    private PlanRun run(List<PlannedStatement> statements, boolean last) throws SQLException {
        PlanRun withRows = run(seeded, statements, last);
        if (withRows.failure() == null) {
            return withRows;
        }
        PlanRun withoutRows = run(empty, statements, false);
        if (withoutRows.failure() != null) {
            return withoutRows;
        }
        return new PlanRun(withRows.ran(), new PlanRun.Failure(withRows.failure().statement(),
                withRows.failure().error(), true), withoutRows.residual(), Map.of());
    }

    /** Runs the statements on a clone of {@code template}, or, {@code inPlace}, on {@code template} itself. */
    private PlanRun run(ScratchDatabase template, List<PlannedStatement> statements, boolean inPlace) throws SQLException {
        ScratchDatabase copy = inPlace ? template : server.cloneDatabase(template);
        Connection held = inPlace && template == seeded ? onSeeded : null;
        try (Connection opened = held == null ? copy.connect() : null) {
            Connection connection = held == null ? opened : held;
            ChangeTracking tracking = base == null ? null : dialect.changeTracking().orElse(null);
            ChangeTracking.Mark mark = tracking == null ? null : tracking.mark(connection);
            Set<String> existing = observer == null ? Set.of() : observer.tables(connection);
            List<PlannedStatement> ran = new ArrayList<>();
            PlanRun.Failure failure = null;
            connection.setAutoCommit(false);
            for (PlannedStatement statement : statements) {
                try {
                    if (observer == null) {
                        execute(connection, statement.sql());
                        connection.commit();
                        ran.add(statement);
                        continue;
                    }
                    Observation seen = observer.observe(connection, Statement.sql(statement.sql(), PLAN, true), existing,
                            () -> execute(connection, statement.sql()));
                    connection.commit();
                    ran.add(statement.withHazards(hazards(statement, seen)));
                } catch (SQLException e) {
                    connection.rollback();
                    failure = new PlanRun.Failure(statement, dialect.describe(e).message(), false);
                    break;
                }
            }
            connection.setAutoCommit(true);
            Snapshot result = mark == null ? dialect.snapshot(connection, copy::connect, settings.snapshot())
                    : tracking.since(connection, mark, base, settings.snapshot());
            SchemaDiff residual = residual(result);
            Map<String, Long> lost = template == seeded && failure == null ? lost(connection, result) : Map.of();
            return new PlanRun(ran, failure, residual, lost);
        } finally {
            if (!inPlace) {
                copy.close();
            }
        }
    }

    private SchemaDiff residual(Snapshot result) {
        List<Difference> differences = SnapshotComparison.compare(result, target).stream()
                .filter(d -> settings.columnOrder() || !d.field().equals("columns order")).toList();
        return SchemaDiff.group(differences);
    }

    private Map<String, Long> lost(Connection connection, Snapshot result) throws SQLException {
        Map<String, Long> after = new RowCounts(result, dialect.data()).count(connection, before.tables());
        Map<String, Long> lost = new LinkedHashMap<>();
        Set<String> kept = new java.util.HashSet<>();
        target.tables().forEach(t -> kept.add(SnapshotComparison.label(t)));
        before.rows().forEach((table, rows) -> {
            Long now = after.get(table);
            if (kept.contains(table) && now != null && now < rows) {
                lost.put(table, rows - now);
            }
        });
        return lost;
    }

    /** What was seen: a lock blocking reads on a table that held rows, a rewrite, an index built; data loss as declared. */
    private static Set<Hazard> hazards(PlannedStatement statement, Observation seen) {
        Set<Hazard> hazards = EnumSet.noneOf(Hazard.class);
        if (!seen.strongestLock(null).isEmpty()) {
            hazards.add(Hazard.BLOCKS_READS_AND_WRITES);
        }
        if (!seen.rewrites().isEmpty()) {
            hazards.add(Hazard.REWRITES_TABLE);
        }
        if (seen.indexesBuilt().stream().anyMatch(index -> seen.existed(index.substring(index.indexOf(" on ") + 4)))) {
            hazards.add(Hazard.BUILDS_INDEX);
        }
        if (statement.destructive()) {
            hazards.add(Hazard.DELETES_DATA);
        }
        return hazards;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
