package dev.schemagate.maven;

import dev.schemagate.check.Severity;
import dev.schemagate.dialect.DialectChoice;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.matrix.MatrixResult;
import dev.schemagate.matrix.MatrixRun;
import dev.schemagate.matrix.Target;
import dev.schemagate.migration.Version;
import dev.schemagate.report.Ansi;
import dev.schemagate.report.Heartbeat;
import dev.schemagate.report.MatrixConsole;
import dev.schemagate.report.ReportFormat;
import dev.schemagate.report.ReportPaths;
import dev.schemagate.report.OutputFolderLock;
import dev.schemagate.report.Reports;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code mvn schemagate:verify}: what {@code schemagate verify} does, in the build. Every CLI
 * option of verify is a parameter of the same name ({@code --pg-version} is {@code pgVersion},
 * property {@code schemagate.pgVersion}); the build fails with the findings in the log and the
 * reports in {@code target/schemagate/}.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public final class VerifyMojo extends MigrationsMojo {

    /** Checks to make, comma-separated: apply, reversibility, data, integrity, lint, probes, performance (default: all but probes and performance). Apply always runs. */
    @Parameter(property = "schemagate.checks")
    List<String> checks;

    /** Synthetic rows the data and lint checks put in each table, at least 1. */
    @Parameter(property = "schemagate.rows", defaultValue = "" + VerifyOptions.DEFAULT_ROWS)
    int rows;

    /** Seed of the synthetic rows; the same seed gives the same rows. */
    @Parameter(property = "schemagate.seed", defaultValue = "" + VerifyOptions.DEFAULT_SEED)
    long seed;

    /** Migrations at or before this version are history: only applied, reported only when they fail to apply. */
    @Parameter(property = "schemagate.baseline")
    String baseline;

    /** Lowest severity that fails the build: error, warning or info (default: the config's lint.failOn, else error). */
    @Parameter(property = "schemagate.failOn")
    String failOn;

    /** console, json, junit, sarif, github, markdown, html; console goes to the build log. */
    @Parameter(property = "schemagate.format", defaultValue = "console,json,junit,html")
    List<String> format;

    /** Folder for the json, junit, sarif, markdown and html reports. */
    @Parameter(property = "schemagate.out", defaultValue = "${project.build.directory}/schemagate")
    File out;

    /** The schema the migrations must end in: a schema {@code .sql} file or a snapshot {@code .json}. */
    @Parameter(property = "schemagate.expected")
    String expected;

    /** With several dialects or pgVersion values: how many targets run at once (default: half the processors, at least 1). */
    @Parameter(property = "schemagate.jobs")
    Integer jobs;

    /** Skips the goal. */
    @Parameter(property = "schemagate.skip", defaultValue = "false")
    boolean skip;

    @Override
    void run() throws MojoFailureException {
        if (skip) {
            getLog().info("schemagate:verify skipped");
            return;
        }
        Reports reports = new Reports(ReportFormat.parse(format), out.toPath(), System.getenv(), ReportPaths.workingDirectory());
        SpringBootLocation location = location();
        VerifyOptions options = VerifyOptions.of(location.path())
                .withSettings(settings(location))
                .withLayout(layout())
                .withDialect(dialect)
                .withServer(server())
                .withChecks(checks == null || checks.isEmpty() ? CheckName.defaults()
                        : checks.stream().map(CheckName::fromId).collect(Collectors.toSet()))
                .withBaseline(baseline == null || baseline.isBlank() ? null : version(baseline))
                .withSince(since == null || since.isBlank() ? null : since)
                .withRows(rows, seed)
                .withExpected(expected == null || expected.isBlank() ? null : expected)
                .withConfig(config == null ? null : config.toPath());
        options = options.withFailOn(failOn == null || failOn.isBlank() ? options.lintConfig().failOn() : severity(failOn));
        if (Target.several(dialect, pgVersion)) {
            matrix(options, reports, location.path());
            return;
        }
        try (PrintWriter log = new PrintWriter(new LogWriter(getLog())); OutputFolderLock held = reports.holdOutputFolder()) {
            VerifyResult result;
            try (Heartbeat heartbeat = Heartbeat.start(log, ReportPaths.workingDirectory())) {
                result = new Verifier(ProgressListener.both(reports.progress(log, new Ansi(false)), heartbeat)).verify(options);
            }
            List<Path> written = reports.write(result, log);
            if (!result.passed()) {
                throw new MojoFailureException("schemagate:verify found " + result.count(Severity.ERROR) + " error(s) and "
                        + result.count(Severity.WARNING) + " warning(s) in " + location.path() + " (failing at " + result.failOn()
                        .name().toLowerCase() + "); the findings are listed above" + (written.isEmpty() ? "" : ", the reports are in " + out));
            }
        }
    }

    /** Verifies the migrations on every target the dialect and pgVersion name, each target's report in a folder of its own. */
    private void matrix(VerifyOptions options, Reports reports, Path folder) throws MojoFailureException {
        List<String> dialects = Target.values(dialect).isEmpty()
                ? List.of(DialectChoice.resolve(null, folder, null, options.config()).dialect().id()) : Target.values(dialect);
        List<Target> targets = Target.expand(dialects, Target.values(pgVersion), ServerOptions.DEFAULT_VERSION);
        try (PrintWriter log = new PrintWriter(new LogWriter(getLog())); OutputFolderLock held = reports.holdOutputFolder()) {
            MatrixConsole console = new MatrixConsole(reports, log, new Ansi(false));
            MatrixResult result = new MatrixRun(console::listener, console::finished)
                    .run(options, targets, MatrixRun.jobs(jobs, targets.size()));
            reports.writeMatrix(result, log, new Ansi(false));
            List<String> failed = result.outcomes().stream().filter(outcome -> !outcome.passed())
                    .map(outcome -> outcome.target().label()).toList();
            if (!failed.isEmpty()) {
                throw new MojoFailureException("schemagate:verify failed on " + String.join(", ", failed) + " of " + targets.size()
                        + " targets; the findings are listed above, the reports are in " + out);
            }
        }
    }

    private static Severity severity(String text) throws MojoFailureException {
        try {
            return Severity.fromId(text);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("<failOn>" + text + "</failOn>: " + e.getMessage(), e);
        }
    }

    private static Version version(String text) throws MojoFailureException {
        if (!Version.isVersion(text)) {
            throw new MojoFailureException("<baseline>" + text + "</baseline> is not a version: write digits separated by dots, such as 20190101 or 1.2");
        }
        return Version.parse(text);
    }
}
