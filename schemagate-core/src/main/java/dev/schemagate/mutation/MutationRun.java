package dev.schemagate.mutation;

import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.DialectChoice;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.history.HistoryGuard;
import dev.schemagate.history.ReleaseConfig;
import dev.schemagate.lint.LintConfigFile;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.InputException;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Mutation testing of a migration folder's gate: makes the mutants, then runs the gate (the verify
 * engine with the project's checks and config) on each, with the mutant in place, and compares with
 * the gate on the unmutated migrations. One server for the whole run; the history before a mutated
 * migration is applied once and cloned for each of its mutants, and only that migration is checked.
 */
public final class MutationRun {

    private final Consumer<MutantResult> progress;

    /** @param progress hears each mutant's result as it comes, from any thread */
    public MutationRun(Consumer<MutantResult> progress) {
        this.progress = progress;
    }

    /** Runs the mutants on a server of its own, started for the run and stopped after it. */
    public MutationResult run(MutationOptions options) {
        VerifyOptions verify = options.verify();
        if (verify.server().shared()) {
            throw new InputException("mutation testing runs on a server of its own: leave out --db-url (mutants create and drop many databases)");
        }
        Dialect dialect = dialect(verify);
        try (DatabaseServer server = dialect.start(verify.server().forRun(dialect, configFile(verify)))) {
            return runOn(options, server);
        }
    }

    /** Runs the mutants on a server the caller owns (such as one a test class shares); only its own databases are touched. */
    public MutationResult runOn(MutationOptions options, DatabaseServer server) {
        long start = System.nanoTime();
        VerifyOptions verify = options.verify();
        Dialect dialect = dialect(verify);
        MigrationSet set = MigrationDiscovery.discover(verify.directory(), verify.layout(), Dialects.names(dialect),
                verify.settings());
        HistoryCut cut = HistoryGuard.forRun(set, verify.since(), verify.baseline(),
                ReleaseConfig.load(configFile(verify))).cut();
        List<MutationOperator> operators = MutationOperators.forDialect(dialect.id());
        List<Mutant> all = new Mutator(dialect.splitter(), operators, verify.directory()).mutants(set, cut);
        List<Mutant> chosen = Mutator.sample(all, options.maxMutants(), options.sampleSeed());
        Equivalence equivalence = new Equivalence(dialect, server, verify.rows(), verify.seed());
        try (Templates templates = Templates.build(dialect, server, set, chosen.stream().map(Mutant::migration).collect(Collectors.toSet()))) {
            List<MutantResult> results = runAll(new Context(options, dialect, set, server, templates, equivalence,
                    new Tail(dialect, server, verify)), chosen);
            return new MutationResult(set, results, all.size(), operators, server.description(), dialect.capabilities().cloning(),
                    options.minKillRate(), Duration.ofNanos(System.nanoTime() - start));
        } finally {
            equivalence.close();
        }
    }

    private static Path configFile(VerifyOptions verify) {
        return verify.config() != null ? verify.config() : LintConfigFile.locate(verify.directory());
    }

    private static Dialect dialect(VerifyOptions verify) {
        return DialectChoice.resolve(verify.dialect(), verify.directory(), verify.server().url(), verify.config()).dialect();
    }

    /** What every mutant's run shares. */
    private record Context(MutationOptions options, Dialect dialect, MigrationSet set, DatabaseServer server, Templates templates,
                           Equivalence equivalence, Tail tail) {
    }

    private List<MutantResult> runAll(Context context, List<Mutant> mutants) {
        ExecutorService workers = Executors.newFixedThreadPool(context.options().jobs(), daemon("schemagate-mutant"));
        ExecutorService checks = Executors.newCachedThreadPool(daemon("schemagate-mutant-check"));
        Map<Integer, CompletableFuture<VerifyResult>> baselines = new ConcurrentHashMap<>();
        Map<Integer, CompletableFuture<List<Finding>>> tails = new ConcurrentHashMap<>();
        try {
            List<Future<MutantResult>> futures = new ArrayList<>();
            for (Mutant mutant : mutants) {
                futures.add(workers.submit(() -> {
                    MutantResult result = timed(context, mutant, checks, baselines, tails);
                    progress.accept(result);
                    return result;
                }));
            }
            List<MutantResult> results = new ArrayList<>();
            for (Future<MutantResult> future : futures) {
                results.add(get(future));
            }
            return results;
        } finally {
            workers.shutdownNow();
            checks.shutdownNow();
        }
    }

    private MutantResult timed(Context context, Mutant mutant, ExecutorService checks, Map<Integer, CompletableFuture<VerifyResult>> baselines,
                               Map<Integer, CompletableFuture<List<Finding>>> tails) {
        long start = System.nanoTime();
        WatchedServer watched = new WatchedServer(context.server());
        Future<MutantResult> check = checks.submit(() -> check(context, mutant, watched, baselines, tails, start));
        try {
            return check.get(context.options().timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            check.cancel(true);
            watched.stop();
            return new MutantResult(mutant, Verdict.TIMED_OUT, List.of(), "still running after " + context.options().timeout().toSeconds() + "s",
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while running mutant " + mutant.id(), e);
        } catch (ExecutionException e) {
            throw rethrown(e);
        }
    }

    private MutantResult check(Context context, Mutant mutant, WatchedServer watched, Map<Integer, CompletableFuture<VerifyResult>> baselines,
                               Map<Integer, CompletableFuture<List<Finding>>> tails, long start) {
        int index = mutant.migration();
        Optional<ScratchDatabase> before = context.templates().before(index);
        Migration original = context.set().migrations().get(index);
        if (before.isEmpty()) {
            Migration failed = context.set().migrations().get(context.templates().failedAt());
            return new MutantResult(mutant, Verdict.NOT_RUN, List.of(), "the unmutated migration " + failed.displayName() + " fails to apply",
                    Duration.ZERO);
        }
        if (sharesItsFile(context.set(), index)) {
            return new MutantResult(mutant, Verdict.NOT_RUN, List.of(), original.displayName() + " shares its file with another migration",
                    Duration.ZERO);
        }
        VerifyResult baseline = once(baselines, index, () -> verify(context, context.server(), context.set(), index, before.get()));
        MigrationSet mutated = mutant.applyTo(context.set());
        VerifyResult result = verify(context, watched, mutated, index, before.get());
        List<Finding> fresh = fresh(baseline.findings(), result.findings());
        if (!fresh.isEmpty()) {
            return done(mutant, Verdict.KILLED, fresh, "", start);
        }
        if (mutant.operator().category() != Category.LOCKING
                && context.equivalence().equivalent(mutant, original, mutated.migrations().get(index), before.get())) {
            return done(mutant, Verdict.EQUIVALENT, List.of(), "leaves the same schema and rows as the original", start);
        }
        String masked = "";
        if (context.tail().matters(context.set(), index)) {
            List<Finding> later = fresh(once(tails, index, () -> context.tail().findings(context.server(), context.set(), index, before.get())),
                    context.tail().findings(watched, mutated, index, before.get()));
            if (!later.isEmpty()) {
                return done(mutant, Verdict.KILLED, later, "", start);
            }
            if (context.options().verify().expected() != null && index + 1 < context.set().migrations().size()) {
                masked = "masked: the later migrations end in the expected schema all the same";
            }
        }
        if (context.options().testCommand() != null) {
            Optional<String> failed = new TestCommand(context.options().testCommand(), context.options().project(), context.options().timeout())
                    .failure(mutant);
            if (failed.isPresent()) {
                return done(mutant, Verdict.KILLED, List.of(), failed.get(), start);
            }
        }
        return done(mutant, Verdict.SURVIVED, List.of(), masked.isEmpty() ? withoutExpected(context, mutant) : masked, start);
    }

    /** For a survivor only an expected schema can see, when none was given: how to get one. */
    private static String withoutExpected(Context context, Mutant mutant) {
        if (context.options().verify().expected() != null || !mutant.operator().caughtBy().contains("--expected")) {
            return "";
        }
        return "no --expected schema was given: `schemagate snapshot DIR -o schema.sql` writes the migrations' end schema; "
                + "check it in and pass it as --expected";
    }

    /** What the unmutated migration gives, worked out once by the first of its mutants and shared by the others. */
    private static <T> T once(Map<Integer, CompletableFuture<T>> done, int index, Supplier<T> work) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> theirs = done.putIfAbsent(index, mine);
        if (theirs != null) {
            return theirs.join();
        }
        try {
            mine.complete(work.get());
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        }
        return mine.join();
    }

    private static MutantResult done(Mutant mutant, Verdict verdict, List<Finding> caughtBy, String note, long start) {
        return new MutantResult(mutant, verdict, caughtBy, note, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The gate on the migrations up to {@code index}, from the copy before it: the earlier ones are history, already applied. */
    private static VerifyResult verify(Context context, DatabaseServer server, MigrationSet set, int index, ScratchDatabase before) {
        List<Migration> upTo = set.migrations().subList(0, index + 1);
        MigrationSet truncated = new MigrationSet(set.directory(), set.layout(), upTo, set.ignored());
        Set<Path> history = new HashSet<>();
        upTo.subList(0, index).forEach(m -> history.add(m.up().file()));
        HistoryCut cut = new HistoryCut("the migrations before the mutant", history);
        return new Verifier(ProgressListener.NONE).verifyFrom(context.options().verify(), context.dialect(), truncated, cut,
                server, before, index);
    }

    private static boolean sharesItsFile(MigrationSet set, int index) {
        Path file = set.migrations().get(index).up().file();
        return set.migrations().stream().filter(m -> m.up().file().equals(file)).count() > 1;
    }

    /**
     * The errors and warnings of the mutant's run beyond those of the unmutated run: each finding
     * counts as many times as the unmutated run had it, compared by {@link FindingKey} (so a finding
     * the mutant made worse is fresh).
     */
    static List<Finding> fresh(List<Finding> baseline, List<Finding> mutant) {
        Map<FindingKey, Integer> seen = new HashMap<>();
        baseline.stream().filter(f -> f.severity() != Severity.INFO).forEach(f -> seen.merge(key(f), 1, Integer::sum));
        List<Finding> fresh = new ArrayList<>();
        for (Finding finding : mutant) {
            if (finding.severity() == Severity.INFO) {
                continue;
            }
            int left = seen.getOrDefault(key(finding), 0);
            if (left > 0) {
                seen.put(key(finding), left - 1);
            } else {
                fresh.add(finding);
            }
        }
        return fresh;
    }

    private static FindingKey key(Finding finding) {
        return FindingKey.of(finding);
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while running mutants", e);
        } catch (ExecutionException e) {
            throw rethrown(e);
        }
    }

    private static RuntimeException rethrown(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new InfrastructureException("a mutant's run failed: " + cause, cause);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
