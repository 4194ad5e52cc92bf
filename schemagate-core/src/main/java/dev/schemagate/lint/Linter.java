package dev.schemagate.lint;

import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.Statement;
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

    private static final List<StatementCheck> CHECKS = List.of(new StatementChecks(), new AlterTableChecks());

    private final Dialect dialect;
    private final LintConfig config;

    public Linter(Dialect dialect, LintConfig config) {
        this.dialect = dialect;
        this.config = config;
    }

    /** Static lint: the text alone, no database. */
    public LintResult lint(MigrationSet set) {
        long start = System.nanoTime();
        LintPlan plan = plan(set);
        Judgement judgement = new Judge(config).judge(plan, Map.of(), List.of());
        return new LintResult(judgement.findings(), judgement.cleared(), false, config.failOn(),
                Duration.ofNanos(System.nanoTime() - start));
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
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be 0 or more, not " + rows);
        }
        long start = System.nanoTime();
        LintPlan plan = plan(set);
        ObservationProvider provider = ObservationProvider.forDialect(dialect.id());
        ObservedRun.Outcome run = new ObservedRun(dialect, provider.observer(), provider.seeder(), rows).run(plan, database);
        Judgement judgement = new Judge(config).judge(plan, run.observations(), run.notes());
        return new LintResult(judgement.findings(), judgement.cleared(), true, config.failOn(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Splits the up scripts and collects what the rules suspect, in apply order. */
    public LintPlan plan(MigrationSet set) {
        StatementSplitter splitter = dialect.splitter();
        LintMemory memory = new LintMemory();
        List<LintPlan.PlannedScript> scripts = new ArrayList<>();
        List<Suspicion> suspicions = new ArrayList<>();
        set.migrations().forEach(migration -> {
            memory.startMigration();
            memory.startScript();
            Script script = migration.up();
            List<Statement> statements = splitter.split(script);
            boolean inTransaction = script.transaction().opens(statements);
            scripts.add(new LintPlan.PlannedScript(migration, script, statements));
            for (Statement statement : statements) {
                if (statement.kind() != Statement.Kind.SQL) {
                    continue;
                }
                LintStatement lintStatement = new LintStatement(statement, SqlText.of(statement.sql()), migration, script,
                        inTransaction);
                List<Suspicion> found = new ArrayList<>();
                CHECKS.forEach(check -> check.check(lintStatement, memory, found));
                found.forEach(s -> suspicions.add(s.withNewTable(!memory.existing(s.table()))));
            }
        });
        return new LintPlan(set, scripts, suspicions, LayoutChecks.check(set, config.namePattern()));
    }
}
