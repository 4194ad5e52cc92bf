package dev.schemagate.cli;

import dev.schemagate.dialect.DialectChoice;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.engine.Verifier;
import dev.schemagate.matrix.MatrixResult;
import dev.schemagate.matrix.MatrixRun;
import dev.schemagate.matrix.Target;
import dev.schemagate.matrix.TargetOutcome;
import dev.schemagate.report.MatrixConsole;
import dev.schemagate.migration.Version;
import dev.schemagate.report.Ansi;
import dev.schemagate.report.OutputFolderLock;
import dev.schemagate.report.Heartbeat;
import dev.schemagate.report.ReportFormat;
import dev.schemagate.report.ReportPaths;
import dev.schemagate.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code schemagate verify DIR}: applies every migration on a throwaway database and reports. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Apply every migration of a folder on a throwaway database and report what fails.")
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "DIR",
            description = "The migrations folder, a Liquibase changelog, or a Spring Boot project folder (default: the current folder).")
    Path directory;

    @Mixin
    DatabaseOptions database;

    @Mixin
    GateOptions gate;

    @Mixin
    RowsOption rows;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + VerifyOptions.DEFAULT_SEED,
            description = "Seed of the synthetic rows; the same seed gives the same rows (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--baseline", paramLabel = "VERSION",
            description = "Migrations at or before this version are history: only applied, reported only when they fail to apply.")
    String baseline;

    @Option(names = "--since", paramLabel = "REF",
            description = "A git revision such as origin/main: migrations whose files it holds are history (only applied),"
                    + " its files must not be edited, deleted or renamed, and new migrations must sort after them.")
    String since;

    @Option(names = "--jobs", paramLabel = "N",
            description = "With several dialects or --pg-version values: how many targets run at once "
                    + "(default: half the processors, at least 1).")
    Integer jobs;

    @Mixin
    ReportOptions report;

    @Mixin
    ChangelogOptions changelog;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Reports reports = report.reports();
        ChangelogOptions.Located located = changelog.locate(directory, database, spec.commandLine().getErr());
        VerifyOptions options = VerifyOptions.of(located.path())
                .withConfig(report.configFile())
                .withLayout(database.layout())
                .withDialect(database.dialect)
                .withServer(database.server())
                .withChecks(gate.checks())
                .withBaseline(baseline == null ? null : parseVersion(baseline))
                .withSince(since)
                .withRows(rows.rows(), seed)
                .withExpected(gate.expected)
                .withSettings(located.settings());
        options = options.withFailOn(report.failOn != null ? report.failOn : options.lintConfig().failOn());
        if (Target.several(database.dialect, database.pgVersion)) {
            return matrix(options, reports, out, Target.values(database.dialect), Target.values(database.pgVersion));
        }
        try (OutputFolderLock held = reports.holdOutputFolder()) {
            VerifyResult result;
            try (Heartbeat heartbeat = Heartbeat.start(spec.commandLine().getErr(), ReportPaths.workingDirectory())) {
                result = new Verifier(ProgressListener.both(reports.progress(out, Ansi.detect()), heartbeat)).verify(options);
            }
            reports.write(result, out);
            return result.passed() ? ExitCode.OK : ExitCode.FINDINGS;
        }
    }

    /**
     * Verifies the folder on every target, each target's report (console section, files in a folder
     * of its own) as it comes, then the matrix's own: a verdict per target and where they differ.
     * The exit code is the worst target's.
     */
    private int matrix(VerifyOptions options, Reports reports, PrintWriter out, List<String> dialects, List<String> versions) {
        List<String> names = dialects.isEmpty()
                ? List.of(DialectChoice.resolve(null, directory, null, report.configFile()).dialect().id()) : dialects;
        List<Target> targets = Target.expand(names, versions, ServerOptions.DEFAULT_VERSION);
        int bound = MatrixRun.jobs(jobs, targets.size());
        Ansi ansi = Ansi.detect();
        out.println("Verifying " + directory + " on " + targets.size() + " targets (" + String.join(", ",
                targets.stream().map(Target::label).toList()) + "), " + bound + " at a time");
        out.flush();
        try (OutputFolderLock held = reports.holdOutputFolder();
             Heartbeat heartbeat = Heartbeat.start(spec.commandLine().getErr(), ReportPaths.workingDirectory())) {
            MatrixConsole console = new MatrixConsole(reports, out, ansi);
            MatrixRun run = new MatrixRun(target -> ProgressListener.both(console.listener(target), heartbeat), console::finished);
            MatrixResult result = run.run(options, targets, bound);
            reports.writeMatrix(result, out, ansi);
            return result.outcomes().stream().mapToInt(VerifyCommand::exitCode).max().orElse(ExitCode.OK);
        }
    }

    private static int exitCode(TargetOutcome outcome) {
        if (outcome.result() != null) {
            return outcome.passed() ? ExitCode.OK : ExitCode.FINDINGS;
        }
        return outcome.input() ? ExitCode.INPUT : ExitCode.INFRASTRUCTURE;
    }

    static Version parseVersion(String text) {
        if (!Version.isVersion(text)) {
            throw new IllegalArgumentException("--baseline '" + text + "' is not a version: write digits separated by dots, such as 20190101 or 1.2");
        }
        return Version.parse(text);
    }
}
