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

/** Turns the trials of each migration into its profile: medians, spreads and fits. */
record Aggregate(List<Integer> ladder, Path directory) {

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
                log.put(rows, Profiler.median(ok.stream().map(Trial::logBytes).toList()));
                temp.put(rows, Profiler.median(ok.stream().map(Trial::tempBytes).toList()));
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
            log.put(size.getKey(), Profiler.median(runs.stream().map(Trial.StatementRun::logBytes).toList()));
            pages.put(size.getKey(), Profiler.median(runs.stream().map(Trial.StatementRun::pagesRead).toList()));
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
        return new StatementProfile(statement.location().line(), Profiler.oneLine(statement.sql()), inTransaction, time, held, log,
                pages, locks, rewrites, indexes, fit, fit(held));
    }

    private String relative(Path file) {
        try {
            return directory.toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file.toString();
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
}
