package dev.schemagate.cli;

import dev.schemagate.dialect.Timeouts;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.mutation.MutationOptions;
import dev.schemagate.mutation.MutationResult;
import dev.schemagate.mutation.MutationRun;
import dev.schemagate.report.MutationConsole;
import dev.schemagate.report.MutationReports;
import dev.schemagate.report.OutputFolderLock;
import dev.schemagate.report.ReportFormat;
import dev.schemagate.report.ReportPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code schemagate mutate DIR}: makes small harmful changes to the migrations and runs the gate on
 * each, to measure how many of these mistakes it catches.
 */
@Command(name = "mutate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Mutation testing of the gate: change the migrations in small harmful ways, run the checks on each change "
                + "and report the kill rate (the share of mistakes the checks catch).")
public final class MutateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "DIR",
            description = "The migrations folder (default: the current folder).")
    Path directory;

    @Mixin
    DatabaseOptions database;

    @Mixin
    GateOptions gate;

    @Mixin
    RowsOption rows;

    @Option(names = "--since", paramLabel = "REF",
            description = "A git revision such as origin/main: only the migrations added since are mutated.")
    String since;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "Mutants run at once (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--max-mutants", paramLabel = "N", defaultValue = "0",
            description = "Run at most N mutants, drawn with --seed (default: all).")
    int maxMutants;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the draw of --max-mutants; the same seed draws the same mutants (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5min",
            description = "How long one mutant may run before it counts as timed out, such as 90s or 5min (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--test-command", paramLabel = "COMMAND",
            description = "A shell command (such as \"mvn -q test\") run in a copy of the current folder with each mutant the checks "
                    + "did not catch written in; a failing exit kills the mutant.")
    String testCommand;

    @Option(names = "--min-kill-rate", paramLabel = "PERCENT", defaultValue = "0",
            description = "Fail (exit 1) when the kill rate is below this percentage (default: no threshold).")
    double minKillRate;

    @Option(names = "--format", split = ",", defaultValue = "console", paramLabel = "FORMAT",
            description = "console, json (mutation.json), junit (mutation-junit.xml), html (mutation.html); several separated "
                    + "by commas (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Mixin
    OutputFolderOption folder;

    @Mixin
    ConfigFileOption config;

    @Mixin
    ChangelogOptions changelog;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ChangelogOptions.Located located = changelog.locate(directory, database, spec.commandLine().getErr());
        VerifyOptions verify = VerifyOptions.of(located.path())
                .withConfig(config.configFile())
                .withLayout(database.layout())
                .withDialect(database.dialect)
                .withServer(database.server())
                .withChecks(gate.checks())
                .withSince(since)
                .withRows(rows.rows(), VerifyOptions.DEFAULT_SEED)
                .withExpected(gate.expected)
                .withSettings(located.settings());
        MutationOptions options = new MutationOptions(verify, jobs, maxMutants, seed, Timeouts.parse("--timeout", timeout), testCommand,
                Path.of("").toAbsolutePath(), minKillRate);
        MutationReports reports = new MutationReports(ReportFormat.parse(formats), folder.outDir, ReportPaths.workingDirectory());
        try (OutputFolderLock held = reports.holdOutputFolder()) {
            MutationConsole console = reports.console(out);
            if (reports.showsProgress()) {
                out.println("Mutating " + ReportPaths.workingDirectory().relative(located.path()) + " (" + jobs + " job" + (jobs == 1 ? "" : "s") + ")");
            }
            MutationResult result = new MutationRun(r -> {
                if (reports.showsProgress()) {
                    console.progress(r);
                }
            }).run(options);
            reports.write(result, out);
            return result.passed() ? ExitCode.OK : ExitCode.FINDINGS;
        }
    }
}
