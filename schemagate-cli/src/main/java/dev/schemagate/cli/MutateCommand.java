package dev.schemagate.cli;

import dev.schemagate.dialect.Timeouts;
import dev.schemagate.engine.CheckName;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

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

    @Option(names = "--checks", split = ",", paramLabel = "CHECK",
            description = "The checks of the gate, as for verify: apply, reversibility, data, integrity, lint (default: all).")
    List<String> checks;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "" + VerifyOptions.DEFAULT_ROWS,
            description = "Synthetic rows per table, as for verify (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--since", paramLabel = "REF",
            description = "A git revision such as origin/main: only the migrations added since are mutated.")
    String since;

    @Option(names = "--expected", paramLabel = "FILE",
            description = "The schema the migrations must end in, as for verify: a mutant that changes the end schema is caught.")
    String expected;

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
            description = "console, json, junit, html; several separated by commas (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--out", defaultValue = "build/schemagate", paramLabel = "DIR",
            description = "Folder for mutation.json, mutation-junit.xml and mutation.html (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The config file of the gate (default: schemagate.yml or schemagate.yaml in the migrations folder,"
                    + " else schemagate.yml in the current folder, if there is one).")
    Path config;

    @Mixin
    ChangelogOptions changelog;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ChangelogOptions.Located located = changelog.locate(directory, spec.commandLine().getErr());
        VerifyOptions verify = VerifyOptions.of(located.path())
                .withConfig(configFile())
                .withLayout(database.layout())
                .withDialect(database.dialect)
                .withServer(database.server())
                .withChecks(checks == null ? CheckName.defaults() : checks.stream().map(CheckName::fromId).collect(Collectors.toSet()))
                .withSince(since)
                .withRows(rows, VerifyOptions.DEFAULT_SEED)
                .withExpected(expected)
                .withSettings(located.settings());
        MutationOptions options = new MutationOptions(verify, jobs, maxMutants, seed, Timeouts.parse("--timeout", timeout), testCommand,
                Path.of("").toAbsolutePath(), minKillRate);
        MutationReports reports = new MutationReports(ReportFormat.parse(formats), outDir, ReportPaths.workingDirectory());
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

    private Path configFile() {
        if (config != null && !Files.isRegularFile(config)) {
            throw new IllegalArgumentException(config + ": no such config file (--config)");
        }
        return config;
    }
}
