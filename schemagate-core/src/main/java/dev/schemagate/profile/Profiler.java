package dev.schemagate.profile;

import dev.schemagate.check.ScriptOutcome;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.data.DataProbe;
import dev.schemagate.data.FailedStatement;
import dev.schemagate.data.SeedReport;
import dev.schemagate.data.TableSeed;
import dev.schemagate.dialect.DatabaseError;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.DialectChoice;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.Profiling;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.history.HistoryGuard;
import dev.schemagate.history.ReleaseConfig;
import dev.schemagate.lint.LintConfigFile;
import dev.schemagate.lint.Observation;
import dev.schemagate.lint.ObservationProvider;
import dev.schemagate.lint.StatementObserver;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.Statement;
import dev.schemagate.migration.Transaction;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.report.ToolVersion;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Profiles a migrations folder at production volume. For each size of the ladder it walks the
 * history on a database of its own: history migrations (before {@code --since}) are only applied;
 * before each profiled migration every empty table is filled on the server to the size, and the
 * database is kept as a template; the migration then runs {@code repeat} times, each time on a fresh
 * copy of the template, watched statement by statement (locks, rewrites, index builds, write-ahead
 * bytes) by the dialect. The last copy, migrated, is the next migration's starting point.
 */
public final class Profiler {

    private final Consumer<String> progress;

    public Profiler(Consumer<String> progress) {
        this.progress = progress;
    }

    public ProfileResult profile(ProfileOptions options) {
        long start = System.nanoTime();
        Dialect dialect = DialectChoice.resolve(options.dialect(), options.directory(), options.server().url(), options.config()).dialect();
        dialect.profiling().orElseThrow(() -> new IllegalArgumentException(
                "profiling is not available for dialect '" + dialect.id() + "'; it needs a dialect that fills tables on its server"));
        MigrationSet set = MigrationDiscovery.discover(options.directory(), options.layout(), Dialects.names(dialect),
                options.settings());
        Path config = options.config() != null ? options.config() : LintConfigFile.locate(options.directory());
        HistoryCut cut = HistoryGuard.forRun(set, options.since(), null, ReleaseConfig.load(config)).cut();
        try (DatabaseServer running = dialect.start(options.server().forRun(dialect, config))) {
            return profile(options, dialect, set, cut, running, start);
        }
    }

    /**
     * Profiles {@code set} on a server already running (a verify run's), the migrations the {@code cut}
     * calls history being only applied; the server is left running.
     */
    public ProfileResult profile(ProfileOptions options, Dialect dialect, MigrationSet set, HistoryCut cut, DatabaseServer running) {
        return profile(options, dialect, set, cut, running, System.nanoTime());
    }

    private ProfileResult profile(ProfileOptions options, Dialect dialect, MigrationSet set, HistoryCut cut, DatabaseServer running,
                                  long start) {
        Profiling profiling = dialect.profiling().orElseThrow(() -> new IllegalArgumentException(
                "profiling is not available for dialect '" + dialect.id() + "'; it needs a dialect that fills tables on its server"));
        ObservationProvider observation = ObservationProvider.forDialect(dialect.id());
        Map<Migration, Map<Integer, List<Trial>>> trials = new LinkedHashMap<>();
        Map<Migration, List<Statement>> statements = new LinkedHashMap<>();
        for (Migration migration : set.migrations()) {
            if (!cut.isHistory(migration)) {
                trials.put(migration, new LinkedHashMap<>());
                statements.put(migration, dialect.splitter().split(migration.up()));
            }
        }
        List<Fill> fills = new ArrayList<>();
        String server = running.description();
        progress.accept("profiling " + trials.size() + " of " + set.migrations().size() + " migrations at " + options.ladder()
                + " rows per table, " + options.repeat() + " run(s) each, on " + server);
        Walk walk = new Walk(dialect, profiling, observation, running, options.repeat());
        for (int rows : options.ladder()) {
            fills.add(walk.run(set, cut, statements, trials, rows));
        }
        Aggregate aggregate = new Aggregate(options.ladder(), set.directory());
        List<MigrationProfile> profiles = new ArrayList<>();
        trials.forEach((migration, bySize) -> profiles.add(aggregate.migration(migration, statements.get(migration), bySize)));
        return new ProfileResult(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), ToolVersion.get(), Machine.current(server), options.ladder(), options.repeat(),
                options.atRows(), profiles, fills, List.of(), null, (System.nanoTime() - start) / 1e9);
    }

    /** One walk of the history per size, on databases of its own. */
    private final class Walk {

        private final Dialect dialect;
        private final Profiling profiling;
        private final ObservationProvider observation;
        private final DatabaseServer server;
        private final int repeat;

        Walk(Dialect dialect, Profiling profiling, ObservationProvider observation, DatabaseServer server, int repeat) {
            this.dialect = dialect;
            this.profiling = profiling;
            this.observation = observation;
            this.server = server;
            this.repeat = repeat;
        }

        Fill run(MigrationSet set, HistoryCut cut, Map<Migration, List<Statement>> statements,
                 Map<Migration, Map<Integer, List<Trial>>> trials, int rows) {
            ScratchDatabase base = server.createDatabase();
            int tables = 0;
            long inserted = 0;
            long fillNanos = 0;
            List<String> problems = new ArrayList<>();
            List<String> adjusted = new ArrayList<>();
            try {
                for (Migration migration : set.migrations()) {
                    if (cut.isHistory(migration)) {
                        String failure = applyHistory(base, migration);
                        if (failure != null) {
                            problems.add("history migration " + migration.displayName() + " failed: " + failure + "; nothing after it was profiled");
                            break;
                        }
                        continue;
                    }
                    long fillStart = System.nanoTime();
                    SeedReport report = fill(base, rows);
                    fillNanos += System.nanoTime() - fillStart;
                    for (TableSeed table : report.tables()) {
                        tables += table.inserted() > 0 ? 1 : 0;
                        inserted += table.inserted();
                        problems.addAll(table.problems());
                    }
                    List<Trial> runs = new ArrayList<>();
                    trials.get(migration).put(rows, runs);
                    Trial last = null;
                    int repairs = 0;
                    for (int r = 0; r < repeat; r++) {
                        ScratchDatabase copy = server.cloneDatabase(base);
                        try {
                            last = measure(copy, statements.get(migration), migration);
                        } catch (RuntimeException e) {
                            copy.close();
                            throw e;
                        }
                        if (last.failure() != null && r == 0 && repairs < DataProbe.RESEEDS) {
                            copy.close();
                            long changed = repair(base, statements.get(migration), last.cause(), repairs == 0);
                            if (changed > 0) {
                                if (repairs++ == 0) {
                                    adjusted.add(migration.displayName() + " at " + rows + " rows: ");
                                }
                                adjusted.set(adjusted.size() - 1, migration.displayName() + " at " + rows + " rows: " + changed
                                        + " sample row(s) changed so that it runs as on production rows (foreign keys it adds,"
                                        + " values it casts); first it failed with " + last.failure());
                                r--;
                                continue;
                            }
                        }
                        runs.add(last);
                        if (last.failure() != null || r < repeat - 1) {
                            copy.close();
                        } else {
                            base.close();
                            base = copy;
                        }
                        if (last.failure() != null) {
                            break;
                        }
                    }
                    progress.accept(String.format(java.util.Locale.ROOT, "  %,d rows: %s %s", rows, migration.displayName(),
                            last.failure() != null ? "failed: " + last.failure()
                                    : Durations.human(Timing.of(runs.stream().map(t -> t.time().toNanos() / 1e6).toList()).median())));
                    if (last.failure() != null) {
                        break;
                    }
                }
            } finally {
                base.close();
            }
            return new Fill(rows, tables, inserted, fillNanos / 1e9, problems, adjusted);
        }

        /**
         * Makes the template's rows what production rows would be for the migration that failed on
         * them, as observed linting does: consistent with the foreign keys it adds (learnt by running it
         * on the same schema without rows), else the values a data exception refused re-seeded.
         * Returns how many rows changed; none when nothing explains the failure, which then stands.
         */
        private long repair(ScratchDatabase base, List<Statement> statements, FailedStatement cause, boolean first) {
            try (Connection connection = base.connect()) {
                Snapshot now = dialect.snapshot(connection, SnapshotOptions.structureOnly());
                long changed = 0;
                if (first) {
                    Snapshot target = profiling.withoutRows(connection, () -> {
                        for (Statement statement : statements) {
                            if (statement.kind() != Statement.Kind.SQL || !statement.transactional()) {
                                return null;
                            }
                            try {
                                dialect.execute(connection, statement);
                            } catch (SQLException e) {
                                return null;
                            }
                        }
                        return dialect.snapshot(connection, SnapshotOptions.structureOnly());
                    });
                    changed = target == null ? 0 : dialect.data().conform(connection, now, target);
                }
                if (changed == 0 && cause != null && cause.dataException()) {
                    changed = dialect.data().reseed(connection, now, cause);
                }
                return changed;
            } catch (SQLException e) {
                return 0;
            }
        }

        private String applyHistory(ScratchDatabase base, Migration migration) {
            try (Connection connection = base.connect()) {
                ScriptOutcome outcome = new ScriptRunner(dialect).run(connection, migration.up());
                return outcome.failure().map(f -> f.location() + ": " + f.message()).orElse(null);
            } catch (SQLException e) {
                throw new InfrastructureException("lost the connection to the database: " + e.getMessage(), e);
            }
        }

        private SeedReport fill(ScratchDatabase base, int rows) {
            try (Connection connection = base.connect()) {
                return profiling.fill(connection, () -> dialect.snapshot(connection, SnapshotOptions.structureOnly()), rows);
            } catch (SQLException e) {
                throw new InfrastructureException("could not fill the tables: " + e.getMessage(), e);
            }
        }

        /** Runs the migration once on {@code database} as its tool would (one transaction unless it refuses one), watched. */
        private Trial measure(ScratchDatabase database, List<Statement> statements, Migration migration) {
            StatementObserver observer = observation.observer();
            boolean transactional = migration.up().transaction().mode() != Transaction.Mode.NONE
                    && statements.stream().allMatch(Statement::transactional);
            try (Connection connection = database.connect()) {
                java.util.Set<String> existing = observer.tables(connection);
                Profiling.WorkCounters before = profiling.counters(connection);
                connection.setAutoCommit(!transactional);
                List<Observation> seen = new ArrayList<>();
                List<Duration> times = new ArrayList<>();
                List<Profiling.WorkCounters> done = new ArrayList<>();
                for (Statement statement : statements) {
                    if (statement.kind() == Statement.Kind.META_COMMAND) {
                        rollback(connection, transactional);
                        return failed(statement, "a client meta-command cannot run on a server", null);
                    }
                    try {
                        Profiling.WorkCounters[] work = new Profiling.WorkCounters[2];
                        long[] nanos = new long[1];
                        Observation observed = observer.observe(connection, statement, existing, () -> {
                            work[0] = profiling.counters(connection);
                            long begin = System.nanoTime();
                            dialect.execute(connection, statement);
                            nanos[0] = System.nanoTime() - begin;
                            work[1] = profiling.counters(connection);
                        });
                        seen.add(observed);
                        times.add(Duration.ofNanos(nanos[0]));
                        done.add(work[1].since(work[0]));
                    } catch (SQLException e) {
                        if (connection.isClosed() || !connection.isValid(5)) {
                            throw e;
                        }
                        rollback(connection, transactional);
                        DatabaseError error = dialect.describe(e);
                        return failed(statement, error.message(),
                                new FailedStatement(statement.sql(), error.sqlState(), error.message(), error.detail()));
                    }
                }
                long commitStart = System.nanoTime();
                if (transactional) {
                    connection.commit();
                }
                Duration commit = Duration.ofNanos(System.nanoTime() - commitStart);
                connection.setAutoCommit(true);
                Profiling.WorkCounters work = profiling.counters(connection).since(before);
                return trial(seen, times, done, commit, transactional, work);
            } catch (SQLException e) {
                throw new InfrastructureException("lost the connection to the database: " + e.getMessage(), e);
            }
        }

        /** The trial of statements observed, timed without the observer's own reads, and what each did. */
        private Trial trial(List<Observation> seen, List<Duration> times, List<Profiling.WorkCounters> done, Duration commit,
                            boolean transactional, Profiling.WorkCounters work) {
            List<Trial.StatementRun> runs = new ArrayList<>();
            Duration total = commit;
            for (Duration time : times) {
                total = total.plus(time);
            }
            Duration remaining = total;
            for (int i = 0; i < seen.size(); i++) {
                Observation o = seen.get(i);
                Duration time = times.get(i);
                Duration held = transactional ? remaining : time;
                runs.add(new Trial.StatementRun(time, held, o.strongestOnExistingTables(), o.rewrites(), o.indexesBuilt(),
                        done.get(i).logBytes(), done.get(i).pagesRead(), o.inTransaction()));
                remaining = remaining.minus(time);
            }
            return new Trial(total, work.logBytes(), work.tempBytes(), runs, null, null);
        }

        private Trial failed(Statement statement, String message, FailedStatement cause) {
            return new Trial(Duration.ZERO, 0, 0, List.of(), statement.location() + ": " + message, cause);
        }

        private void rollback(Connection connection, boolean transactional) throws SQLException {
            if (transactional) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        }
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    static String oneLine(String sql) {
        String line = sql.replaceAll("\\s+", " ").trim();
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
