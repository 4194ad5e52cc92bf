package dev.schemagate.engine;

import dev.schemagate.check.Finding;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.LowPriority;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.lint.Linter;
import dev.schemagate.lint.Rules;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.MigrationSet;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The observed lint of a verify run, on a database of its own so its seeded rows never reach the
 * working one: a copy of the working database as the history left it when there is one (the history
 * is not applied twice), else an empty database. Started {@linkplain #startBeside beside the walk}
 * when the walk reaches the first migration of the change, it runs on a thread of its own and shares
 * only the processors with the walk, so on two of them a run takes about as long as the longer of
 * the two rather than both; its thread and its server process run at a lower priority
 * ({@link LowPriority}), so that where they compete the walk comes first. Otherwise it runs after the
 * walk, on what the walk applied, at the priority of the run.
 */
final class ObservedLint {

    /** Lints on a daemon thread of its own. */
    private static final Executor LINTER = DaemonThreads.named("schemagate-lint");

    private final Dialect dialect;
    private final DatabaseServer server;
    private final VerifyOptions options;
    private final HistoryCut cut;
    private final ProgressListener progress;
    private CompletableFuture<List<Finding>> beside;

    ObservedLint(Dialect dialect, DatabaseServer server, VerifyOptions options, HistoryCut cut, ProgressListener progress) {
        this.dialect = dialect;
        this.server = server;
        this.options = options;
        this.cut = cut;
        this.progress = progress;
    }

    /**
     * Starts the lint of {@code set} now, beside the walk, on {@code historyApplied} (which it then
     * drops), or on an empty database when that is null. Only for a set without run conditions (the
     * lint observes what the walk applies, and without conditions that is known before the walk) and
     * without statements that reach outside their database (run ahead of the walk, one could take
     * away what the walk needs, a connection or a role, and the walk would blame its own migration).
     */
    void startBeside(MigrationSet set, ScratchDatabase historyApplied) {
        beside = CompletableFuture.supplyAsync(() -> {
            LowPriority.ofThisThread();
            return lint(set, historyApplied, true);
        }, LINTER);
    }

    boolean started() {
        return beside != null;
    }

    /**
     * The lint's findings: those of the lint started beside the walk, or else of a lint of {@code ran}
     * (what the walk applied) run now on {@code historyApplied}. When a migration did not apply
     * ({@code applied} false), the apply check has said why: the lint's own note that its observation
     * stopped there would only repeat it.
     */
    List<Finding> findings(MigrationSet ran, ScratchDatabase historyApplied, boolean applied) {
        List<Finding> findings = beside != null ? DaemonThreads.joined(beside) : lint(ran, historyApplied, false);
        return findings.stream().filter(finding -> applied || !finding.ruleId().equals(Rules.OBSERVATION_STOPPED.id())).toList();
    }

    /** Waits for a lint started beside the walk, its outcome unused, so that nothing is left using the server. */
    void finish() {
        if (beside != null) {
            beside.exceptionally(ignored -> null).join();
        }
    }


    /** The lint's findings; {@code beside} the walk, its work (this thread's, the server's) comes after the walk's. */
    private List<Finding> lint(MigrationSet set, ScratchDatabase historyApplied, boolean beside) {
        Linter linter = new Linter(dialect, options.lintConfig());
        try (ScratchDatabase scratch = historyApplied != null ? historyApplied : server.createDatabase()) {
            ScratchDatabase observed = beside ? new LowPriorityDatabase(scratch) : scratch;
            return linter.lintObserved(set, cut, observed, historyApplied != null, options.rows(), progress).findings();
        }
    }
}
