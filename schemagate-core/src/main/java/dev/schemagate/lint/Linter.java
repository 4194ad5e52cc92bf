package dev.schemagate.lint;

import dev.schemagate.check.Finding;
import dev.schemagate.check.StatementListener;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.StatementSplitter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lint engine: reads a migration history's up scripts, lets every rule suspect, and judges the
 * suspicions either on the text alone ({@link #lint}) or with what a database showed when each
 * statement ran on seeded tables ({@link #lintObserved}). The CLI's {@code lint} command and the
 * verify engine's lint check both call it.
 */
public final class Linter {

    private final Dialect dialect;
    private final LintConfig config;

    public Linter(Dialect dialect, LintConfig config) {
        this.dialect = dialect;
        this.config = config;
    }

    /** Static lint: the text alone, no database. */
    public LintResult lint(MigrationSet set) {
        return lint(set, HistoryCut.none());
    }

    /** Static lint of the migrations after the history {@code cut}, which is read but not judged. */
    public LintResult lint(MigrationSet set, HistoryCut cut) {
        long start = System.nanoTime();
        LintPlan plan = plan(set, cut);
        Judgement judgement = new Judge(config, null, DialectRules.find(dialect.id()), dialect.capabilities()).judge(plan, Map.of(), List.of());
        return new LintResult(judgement.findings(), judgement.cleared(), false, config.failOn(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Whether the dialect has an observer and seeder, which the lint's rules need. */
    public static boolean observes(Dialect dialect) {
        return ObservationProvider.find(dialect.id()).isPresent();
    }

    /** Whether the dialect supplies rules of its own, judged on the text (see {@link DialectRules}). */
    public static boolean judgesText(Dialect dialect) {
        return DialectRules.find(dialect.id()).isPresent();
    }

    /**
     * Observed lint: applies every up script on {@code database}, seeding empty tables with
     * {@code rows} rows before each migration (none when {@code rows} is 0), watching each
     * statement; then judges the suspicions with that evidence and adds what only the evidence shows.
     *
     * <p>Meant to be one check among others: {@code database} is any empty scratch database (such as
     * one from {@link dev.schemagate.dialect.DatabaseServer#createDatabase()}); the run uses one
     * connection of its own and closes it before returning, so the caller may then clone or drop the
     * database. The database keeps the migrated schema (with sample rows), the caller's to close.
     *
     * @throws IllegalArgumentException when {@code rows} is negative or the database already holds tables
     */
    public LintResult lintObserved(MigrationSet set, ScratchDatabase database, int rows) {
        return lintObserved(set, HistoryCut.none(), database, false, rows, StatementListener.NONE);
    }

    /**
     * Observed lint of the migrations after the history {@code cut}: history is applied unwatched and
     * unseeded, the tables it leaves are seeded before the change, and tables the change creates
     * count as empty in production (no lock or rewrite on them is reported). {@code listener} hears
     * each statement before it runs, so a long run can show progress.
     *
     * @param historyApplied true when {@code database} already holds the history that comes before the
     *                       first migration of the change (a copy of a database that applied it), which
     *                       is then not applied again; false when it is empty
     */
    public LintResult lintObserved(MigrationSet set, HistoryCut cut, ScratchDatabase database, boolean historyApplied,
                                   int rows, StatementListener listener) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be 0 or more, not " + rows);
        }
        long start = System.nanoTime();
        LintPlan plan = plan(set, cut);
        ObservationProvider provider = ObservationProvider.forDialect(dialect.id());
        ObservedRun.Outcome run = new ObservedRun(dialect, provider.observer(), provider.seeder(), rows, listener)
                .run(plan, database, historyApplied);
        if (!run.skipped().isEmpty()) {
            plan = plan(new MigrationSet(set.directory(), set.layout(), set.migrations().stream()
                    .filter(migration -> !run.skipped().contains(migration)).toList(), set.ignored()), cut);
        }
        Judgement judgement = new Judge(config, run.production(), DialectRules.find(dialect.id()), dialect.capabilities()).judge(plan, run.observations(), run.notes());
        List<Finding> findings = new ArrayList<>(run.decided());
        findings.addAll(judgement.findings());
        return new LintResult(findings, judgement.cleared(), true, config.failOn(), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Splits the up scripts and collects what the dialect's rules suspect, in apply order; the
     * history's statements are read (so that what they create is known) but not suspected. A
     * dialect without rules of its own is linted by the layout rules alone.
     */
    public LintPlan plan(MigrationSet set, HistoryCut cut) {
        StatementSplitter splitter = dialect.splitter();
        List<LintPlan.PlannedScript> scripts = new ArrayList<>();
        for (Migration migration : set.migrations()) {
            Script script = migration.up();
            scripts.add(new LintPlan.PlannedScript(migration, script, splitter.split(script)));
        }
        List<Suspicion> suspicions = DialectRules.find(dialect.id()).map(rules -> rules.suspect(scripts, cut)).orElse(List.of());
        LintPlan plan = new LintPlan(set, cut, scripts, suspicions, List.of());
        List<FileSuspicion> files = LayoutChecks.check(set, config.namePattern()).stream()
                .filter(file -> !plan.past(file.file())).toList();
        return new LintPlan(set, cut, scripts, suspicions, files);
    }
}
