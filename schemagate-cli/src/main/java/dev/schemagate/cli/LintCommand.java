package dev.schemagate.cli;

import dev.schemagate.check.Finding;
import dev.schemagate.check.OutsideReach;
import dev.schemagate.check.Severity;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.lint.LintConfig;
import dev.schemagate.lint.LintConfigFile;
import dev.schemagate.lint.LintResult;
import dev.schemagate.lint.Linter;
import dev.schemagate.lint.Suspicion;
import dev.schemagate.migration.DialectNames;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.report.Heartbeat;
import dev.schemagate.report.ReportPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code schemagate lint DIR}: reports data loss, breaking changes, long locks and rewrites in
 * the up scripts; with a database (the default) each statement runs on seeded tables and the
 * findings carry what was observed, {@code --static} reads the text alone.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Find data loss, breaking changes, long locks and table rewrites in migrations.")
public final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "DIR",
            description = "The migrations folder (default: the current folder).")
    Path directory;

    @Option(names = "--static", description = "Read the SQL text only; start no database (fast, for pre-commit hooks).")
    boolean staticOnly;

    @Option(names = "--rows", defaultValue = "10000", paramLabel = "N",
            description = "Rows to put in each empty table before each migration when observing (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--show-cleared", description = "Also list what the text suspected and the database's evidence cleared.")
    boolean showCleared;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The config file (default: schemagate.yml or schemagate.yaml in the migrations folder,"
                    + " else schemagate.yml in the current folder, if there is one).")
    Path config;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Lowest severity that fails the run: error, warning or info (default: the config's, else error).")
    String failOn;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (rows < 0) {
            throw new IllegalArgumentException("--rows must be 0 or more, not " + rows);
        }
        LintConfig lintConfig = config();
        if (failOn != null) {
            lintConfig = lintConfig.withFailOn(Severity.valueOf(failOn.toUpperCase(Locale.ROOT)));
        }
        Dialect dialect = Dialects.byId("postgres");
        MigrationSet set = MigrationDiscovery.discover(directory, database.layout(), DialectNames.of(dialect.fileNameAliases()));
        Linter linter = new Linter(dialect, lintConfig);
        LintResult result;
        String how;
        List<Finding> refused = staticOnly || !database.server().shared() ? List.of()
                : OutsideReach.refusals(dialect, set.migrations());
        if (staticOnly || !refused.isEmpty()) {
            LintResult text = linter.lint(set);
            result = refused.isEmpty() ? text : new LintResult(concat(refused, text.findings()), text.cleared(), false,
                    text.failOn(), text.duration());
            how = refused.isEmpty() ? "static" : "static: nothing ran on the existing server";
        } else {
            try (Heartbeat heartbeat = Heartbeat.start(spec.commandLine().getErr(), ReportPaths.workingDirectory());
                 DatabaseServer server = dialect.start(database.server());
                 ScratchDatabase database = server.createDatabase()) {
                result = linter.lintObserved(set, database, rows, heartbeat);
                how = "observed on " + server.description() + String.format(Locale.ROOT, ", %,d rows a table", rows);
            }
        }
        print(out, set, result, how);
        if (showCleared) {
            printCleared(out, result);
        }
        return result.passed() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private static List<Finding> concat(List<Finding> first, List<Finding> second) {
        List<Finding> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private LintConfig config() {
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw new IllegalArgumentException(config + ": no such config file");
            }
            return LintConfigFile.load(config);
        }
        return LintConfigFile.forRun(directory);
    }

    private static void print(PrintWriter out, MigrationSet set, LintResult result, String how) {
        Path base = Path.of("").toAbsolutePath();
        out.printf("Linting %s (%s layout, %d migrations, %s)%n", set.directory(), set.layout().id(),
                set.migrations().size(), how);
        for (Finding finding : result.findings()) {
            String where = finding.location() == null || finding.location().file() == null ? ""
                    : relative(base, finding.location().file()) + (finding.location().line() > 0
                    ? ":" + finding.location().line() + ":" + finding.location().column() : "") + ": ";
            out.printf("%s: %s%s [%s]%n", finding.severity().name().toLowerCase(Locale.ROOT), where, finding.message(),
                    finding.ruleId());
            finding.evidence().forEach(line -> out.println("    " + line));
            out.println("    hint: " + finding.hint());
        }
        String cleared = result.observed()
                ? String.format(Locale.ROOT, ", %d suspicion%s cleared by evidence", result.cleared().size(),
                result.cleared().size() == 1 ? "" : "s") : "";
        out.printf(Locale.ROOT, "%s %d error%s, %d warning%s, %d info%s (%.2f s)%n", result.passed() ? "PASSED" : "FAILED",
                result.count(Severity.ERROR), plural(result.count(Severity.ERROR)),
                result.count(Severity.WARNING), plural(result.count(Severity.WARNING)),
                result.count(Severity.INFO), cleared, result.duration().toMillis() / 1000.0);
        out.flush();
    }

    private static void printCleared(PrintWriter out, LintResult result) {
        Path base = Path.of("").toAbsolutePath();
        for (Suspicion s : result.cleared()) {
            String why = switch (s.need()) {
                case REWRITE -> "no rewrite of " + s.table() + " observed";
                case ACCESS_EXCLUSIVE -> "no new ACCESS EXCLUSIVE lock on " + (s.table() == null ? "an existing table" : s.table())
                        + " observed without a lock_timeout";
                default -> (s.table() == null ? "the table" : s.table()) + " did not exist before the migration";
            };
            out.printf("cleared: %s:%d:%d: %s [%s] (%s)%n", relative(base, s.statement().location().file()),
                    s.statement().location().line(), s.statement().location().column(), s.message(), s.rule().id(), why);
        }
        out.flush();
    }

    private static String relative(Path base, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : file.toString();
    }

    private static String plural(long count) {
        return count == 1 ? "" : "s";
    }
}
