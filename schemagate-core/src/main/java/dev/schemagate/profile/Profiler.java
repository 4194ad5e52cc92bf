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
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.Profiling;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.history.HistoryGuard;
import dev.schemagate.history.ReleaseConfig;
import dev.schemagate.lint.LintConfigFile;
import dev.schemagate.lint.Observation;
import dev.schemagate.lint.ObservationProvider;
import dev.schemagate.lint.StatementObserver;
import dev.schemagate.migration.DialectNames;
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
        MigrationSet set = MigrationDiscovery.discover(options.directory(), options.layout(), DialectNames.of(dialect.fileNameAliases()),
                options.settings());
        HistoryCut cut = HistoryGuard.forRun(set, options.since(), null, ReleaseConfig.load(options.config() != null
                ? options.config() : LintConfigFile.locate(options.directory()))).cut();
        try (DatabaseServer running = dialect.start(options.server())) {
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

    /** Turns the trials of each migration into its profile: medians, spreads and fits. */
    private record Aggregate(List<Integer> ladder, Path directory) {

        MigrationProfile migration(Migration migration, List<Statement> statements, Map<Integer, List<Trial>> bySize) {
            String file = relative(migration.up().file());
            String failure = bySize.values().stream().flatMap(List::stream).map(Trial::failure)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            Map<Integer, Timing> time = new LinkedHashMap<>();
            Map<Integer, Long> log = new LinkedHashMap<>();
            Map<Integer, Long> temp = new LinkedHashMap<>();
            bySize.forEach((rows, trials) -> {
                List<Trial> ok = trials.stream().filter(t -> t.failure() == null).toList();
                if (!ok.isEmpty()) {
                    time.put(rows, Timing.of(ok.stream().map(t -> millis(t.time())).toList()));
                    log.put(rows, median(ok.stream().map(Trial::logBytes).toList()));
                    temp.put(rows, median(ok.stream().map(Trial::tempBytes).toList()));
                }
            });
            List<StatementProfile> profiles = new ArrayList<>();
            for (int i = 0; i < statements.size(); i++) {
                profiles.add(statement(statements.get(i), i, bySize));
            }
            heldConstantWhereTheRestIs(profiles);
            return new MigrationProfile(migration.version() == null ? migration.displayName() : migration.version().text(), file,
                    time, log, temp, failure == null ? profiles : List.of(), fit(time), failure);
        }

        /**
         * A lock is held from its statement to the commit, so it can grow with the rows only when a
         * statement from there on does: where every one of them is constant, so is the time held
         * (its differences between sizes are noise, not growth).
         */
        private static void heldConstantWhereTheRestIs(List<StatementProfile> profiles) {
            boolean restConstant = true;
            for (int i = profiles.size() - 1; i >= 0; i--) {
                StatementProfile profile = profiles.get(i);
                restConstant &= profile.fit().model() == CostModel.CONSTANT;
                if (restConstant && profile.heldFit().model() != CostModel.CONSTANT) {
                    profiles.set(i, profile.withHeldFit(CostFit.constant(profile.held().values().stream().map(Timing::median).toList(),
                            "every statement from it to the commit is constant")));
                }
            }
        }

        private StatementProfile statement(Statement statement, int index, Map<Integer, List<Trial>> bySize) {
            Map<Integer, Timing> time = new LinkedHashMap<>();
            Map<Integer, Timing> held = new LinkedHashMap<>();
            Map<Integer, Long> log = new LinkedHashMap<>();
            Map<Integer, Long> pages = new LinkedHashMap<>();
            List<Trial.StatementRun> largest = List.of();
            for (Map.Entry<Integer, List<Trial>> size : bySize.entrySet()) {
                List<Trial.StatementRun> runs = size.getValue().stream().filter(t -> t.failure() == null)
                        .map(t -> t.statements().get(index)).toList();
                if (runs.isEmpty()) {
                    continue;
                }
                time.put(size.getKey(), Timing.of(runs.stream().map(r -> millis(r.time())).toList()));
                held.put(size.getKey(), Timing.of(runs.stream().map(r -> millis(r.held())).toList()));
                log.put(size.getKey(), median(runs.stream().map(Trial.StatementRun::logBytes).toList()));
                pages.put(size.getKey(), median(runs.stream().map(Trial.StatementRun::pagesRead).toList()));
                largest = runs;
            }
            List<String> locks = largest.stream().flatMap(r -> r.locks().stream()).map(l -> l.mode() + " on " + l.table())
                    .distinct().toList();
            List<String> rewrites = largest.stream().flatMap(r -> r.rewrites().stream()).distinct().toList();
            List<String> indexes = largest.stream().flatMap(r -> r.indexes().stream()).distinct().toList();
            boolean inTransaction = largest.stream().allMatch(Trial.StatementRun::inTransaction);
            List<Double> medians = time.values().stream().map(Timing::median).toList();
            List<Integer> sizes = new ArrayList<>(time.keySet());
            CostFit fit;
            if (inTransaction && rewrites.isEmpty() && !pages.isEmpty() && pages.values().stream().allMatch(p -> p == 0)) {
                fit = CostFit.constant(medians, "it read no page of any table: catalog only");
            } else {
                fit = fit(time);
                boolean proportional = proportional(pages);
                if (fit.model() == CostModel.CONSTANT && proportional) {
                    CostFit linear = CostFit.as(CostModel.LINEAR, sizes, medians,
                            "the pages it read grew in proportion to the rows; the times, close to their noise, give the slope");
                    fit = linear.b() > 0 ? linear : CostFit.constant(medians, "the times did not grow beyond their noise, though the"
                            + " pages it read grew with the rows: profile at larger sizes to see the slope");
                } else if ((fit.model() == CostModel.N_LOG_N || fit.model() == CostModel.WORSE) && fit.r2() < CLEAR_CURVE && proportional) {
                    fit = CostFit.as(CostModel.LINEAR, sizes, medians, String.format(java.util.Locale.ROOT,
                            "the pages it read grew in proportion to the rows, and the times fit no curve clearly (R² %.2f)", fit.r2()));
                } else if (fit.model() == CostModel.WORSE && proportional) {
                    fit = CostFit.as(CostModel.N_LOG_N, sizes, medians, "the pages it read grew in proportion to the rows, so a"
                            + " curve steeper than n log n (a sort) is taken for noise in the times");
                }
            }
            return new StatementProfile(statement.location().line(), oneLine(statement.sql()), inTransaction, time, held, log,
                    pages, locks, rewrites, indexes, fit, fit(held));
        }

        private String relative(Path file) {
            try {
                return directory.toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
            } catch (IllegalArgumentException e) {
                return file.toString();
            }
        }
    }

    /** How well a curve steeper than a line must fit the times to be believed over pages read in proportion to the rows. */
    private static final double CLEAR_CURVE = 0.95;

    /** Whether the pages read grew about as the rows did (within a factor of two), from the smallest size to the largest. */
    static boolean proportional(Map<Integer, Long> pages) {
        List<Integer> sizes = new ArrayList<>(pages.keySet());
        if (sizes.size() < 2 || pages.values().stream().anyMatch(p -> p <= 0)) {
            return false;
        }
        double rows = (double) sizes.get(sizes.size() - 1) / sizes.get(0);
        double read = (double) pages.get(sizes.get(sizes.size() - 1)) / pages.get(sizes.get(0));
        return read >= rows / 2 && read <= rows * 2;
    }

    /** The fit of medians over the sizes measured, with the median spread as the noise. */
    static CostFit fit(Map<Integer, Timing> time) {
        List<Integer> rows = new ArrayList<>(time.keySet());
        List<Double> medians = rows.stream().map(r -> time.get(r).median()).toList();
        List<Double> spreads = rows.stream().map(r -> time.get(r).spread()).sorted().toList();
        double noise = spreads.isEmpty() ? 0 : spreads.get(spreads.size() / 2);
        return CostFit.of(rows, medians, noise);
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    static String oneLine(String sql) {
        String line = sql.replaceAll("\\s+", " ").trim();
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
