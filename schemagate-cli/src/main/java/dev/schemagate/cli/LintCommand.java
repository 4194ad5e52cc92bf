package dev.schemagate.cli;

import dev.schemagate.check.ConditionFindings;
import dev.schemagate.check.Finding;
import dev.schemagate.check.OutsideReach;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.dialect.StartingServer;
import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.history.HistoryGuard;
import dev.schemagate.history.ReleaseConfig;
import dev.schemagate.lint.LintConfigFile;
import dev.schemagate.lint.LintResult;
import dev.schemagate.lint.Linter;
import dev.schemagate.lint.Suspicion;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.report.Ansi;
import dev.schemagate.report.OutputFolderLock;
import dev.schemagate.report.PlainText;
import dev.schemagate.report.ReportFormat;
import dev.schemagate.report.ReportPaths;
import dev.schemagate.report.Reports;
import dev.schemagate.report.Heartbeat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code schemagate lint DIR}: reports data loss, breaking changes, long locks and rewrites in
 * the up scripts; with a database (the default) each statement runs on seeded tables and the
 * findings carry what was observed, {@code --static} reads the text alone. It reports through the
 * same reporters as {@code verify}.
 */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Find data loss, breaking changes, long locks and table rewrites in migrations.")
public final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "DIR",
            description = "The migrations folder, a Liquibase changelog, or a Spring Boot project folder (default: the current folder).")
    Path directory;

    @Option(names = "--static", description = "Read the SQL text only; start no database (fast, for pre-commit hooks).")
    boolean staticOnly;

    @Mixin
    RowsOption rows;

    @Option(names = "--show-cleared", description = "Also list what the text suspected and the database's evidence cleared.")
    boolean showCleared;

    @Mixin
    ReportOptions report;

    @Option(names = "--since", paramLabel = "REF",
            description = "A git revision such as origin/main: lint only the migrations added since, and guard the ones it holds.")
    String since;

    @Option(names = "--baseline", paramLabel = "VERSION", description = "Lint only the migrations after this version.")
    String baseline;

    @Mixin
    DatabaseOptions database;

    @Mixin
    ChangelogOptions changelog;

    @Override
    public Integer call() {
        rows.rows();
        Reports reports = report.reports();
        ChangelogOptions.Located located = changelog.locate(this.directory, database, spec.commandLine().getErr());
        Path folder = located.path();
        Dialect dialect = database.dialect(folder, report.configFile());
        Linter linter = new Linter(dialect, report.lintConfig(folder));
        boolean textOnly = staticOnly || !Linter.observes(dialect);
        MigrationDiscovery.check(folder, located.settings());
        Path configFile = report.configFile();
        ServerOptions server = database.server(dialect, configFile != null ? configFile : LintConfigFile.locate(folder));
        // an embedded server starts while the migrations are read; an existing one is connected to after
        try (DatabaseServer early = textOnly || server.shared() ? null : StartingServer.begin(dialect, server)) {
            return lint(located, folder, dialect, linter, textOnly, early, reports, server);
        }
    }

    private int lint(ChangelogOptions.Located located, Path folder, Dialect dialect, Linter linter, boolean textOnly,
                     DatabaseServer early, Reports reports, ServerOptions server) {
        PrintWriter out = spec.commandLine().getOut();
        MigrationSet set = MigrationDiscovery.discover(folder, database.layout(), Dialects.names(dialect),
                located.settings());
        Path configFile = report.configFile();
        HistoryGuard.Guarded guarded = HistoryGuard.forRun(set, since,
                baseline == null ? null : VerifyCommand.parseVersion(baseline),
                ReleaseConfig.load(configFile != null ? configFile : LintConfigFile.locate(folder)));
        try (OutputFolderLock held = reports.holdOutputFolder()) {
            LintResult result;
            String how;
            List<Finding> refused = textOnly || !server.shared() ? List.of()
                    : OutsideReach.refusals(dialect, set.migrations());
            if (textOnly || !refused.isEmpty()) {
                how = !refused.isEmpty() ? "the SQL text only: nothing ran on the existing server,"
                        + " as a migration reaches outside its scratch database"
                        : staticOnly ? "the SQL text only (--static)" : "the SQL text only (" + dialect.id() + "'s rules read the text)";
                reports.progress(out, Ansi.detect(), "Linting").started(set, guarded.cut(), how);
                LintResult text = linter.lint(set, guarded.cut());
                result = refused.isEmpty() ? text : new LintResult(concat(refused, text.findings()), text.cleared(), false,
                        text.failOn(), text.duration());
                result = result.with(ConditionFindings.undecided(set).stream().toList());
            } else {
                try (Heartbeat heartbeat = Heartbeat.start(spec.commandLine().getErr(), ReportPaths.workingDirectory());
                     DatabaseServer opened = early == null ? dialect.start(server) : null;
                     ScratchDatabase scratch = (early != null ? early : opened).createDatabase()) {
                    how = (early != null ? early : opened).description() + String.format(Locale.ROOT, ", %,d rows a table", rows.rows());
                    reports.progress(out, Ansi.detect(), "Linting").started(set, guarded.cut(), how);
                    result = linter.lintObserved(set, guarded.cut(), scratch, false, rows.rows(), heartbeat);
                }
            }
            result = result.with(guarded.findings());
            if (result.observed() && reports.formats().contains(ReportFormat.CONSOLE)) {
                out.printf(Locale.ROOT, "%d suspicion%s of the text cleared by the database's evidence%s%n", result.cleared().size(),
                        result.cleared().size() == 1 ? "" : "s", showCleared || result.cleared().isEmpty() ? "" : " (--show-cleared lists them)");
            }
            if (showCleared) {
                printCleared(out, result);
            }
            reports.write(new VerifyResult(set, List.of(), result.findings(), how, result.failOn(), result.duration(),
                    Set.of(CheckName.LINT), guarded.cut()), out);
            return result.passed() ? ExitCode.OK : ExitCode.FINDINGS;
        }
    }

    private static List<Finding> concat(List<Finding> first, List<Finding> second) {
        List<Finding> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static void printCleared(PrintWriter out, LintResult result) {
        ReportPaths paths = ReportPaths.workingDirectory();
        for (Suspicion s : result.cleared()) {
            String why = switch (s.need()) {
                case REWRITE -> "no rewrite of " + s.table() + " observed";
                case STRONGEST_LOCK -> "no new ACCESS EXCLUSIVE lock on " + (s.table() == null ? "an existing table" : s.table())
                        + " observed without a lock_timeout";
                case DIALECT -> s.newTable() ? s.table() + " did not exist before the migration" : "how the server ran it does not show it";
                default -> (s.table() == null ? "the table" : s.table()) + " did not exist before the migration";
            };
            out.printf("%s: cleared: %s [%s] (%s)%n", PlainText.of(paths.text(s.statement().location())), PlainText.of(s.message()),
                    s.rule().id(), PlainText.of(why));
        }
        out.flush();
    }
}
