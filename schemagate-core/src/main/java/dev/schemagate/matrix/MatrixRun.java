package dev.schemagate.matrix;

import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.migration.InputException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Verifies one history on several targets (dialects, server versions), at most {@code jobs} at a
 * time, each on embedded servers of its own, and finds where they disagree. A target that cannot
 * run (its server does not start, the folder holds none of its dialect's migrations) is a verdict
 * of its own; the others still run.
 */
public final class MatrixRun {

    private final Function<Target, ProgressListener> listeners;
    private final Consumer<TargetOutcome> finished;

    /**
     * @param listeners what hears each target's run as it goes (called from the thread that runs it)
     * @param finished  told of each target's outcome, in target order, on the calling thread
     */
    public MatrixRun(Function<Target, ProgressListener> listeners, Consumer<TargetOutcome> finished) {
        this.listeners = listeners;
        this.finished = finished;
    }

    /** How many targets run at once: as asked, else half the processors (at least one), never more than there are targets. */
    public static int jobs(Integer asked, int targets) {
        return asked != null ? asked : Math.min(targets, Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    /** The targets' outcomes; the run's own server options give the timeouts, and name no URL. */
    public MatrixResult run(VerifyOptions options, List<Target> targets, int jobs) {
        if (options.server().external()) {
            throw new IllegalArgumentException("--db-url names one server: a run on several targets starts embedded ones;"
                    + " drop --db-url or name one dialect and version");
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, not " + jobs);
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, targets.size())), task -> {
            Thread thread = new Thread(task, "schemagate-target");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<TargetOutcome>> running = new ArrayList<>();
            for (Target target : targets) {
                running.add(pool.submit(() -> verify(options, target)));
            }
            List<TargetOutcome> outcomes = new ArrayList<>();
            for (Future<TargetOutcome> future : running) {
                TargetOutcome outcome = future.get();
                finished.accept(outcome);
                outcomes.add(outcome);
            }
            return new MatrixResult(outcomes, MatrixDifferences.between(outcomes),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("the run was interrupted", e);
        } catch (ExecutionException e) {
            throw new InfrastructureException("a target's run broke: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private TargetOutcome verify(VerifyOptions options, Target target) {
        ServerOptions server = new ServerOptions(target.version() != null ? target.version() : options.server().version(),
                null, options.server().timeouts(), false, options.server().session());
        try {
            return TargetOutcome.of(target, new Verifier(listeners.apply(target))
                    .verify(options.withDialect(target.dialect()).withServer(server)));
        } catch (InputException | IllegalArgumentException e) {
            return TargetOutcome.broken(target, e.getMessage(), true);
        } catch (InfrastructureException e) {
            return TargetOutcome.broken(target, e.getMessage(), false);
        }
    }
}
