package dev.schemagate.maven;

import dev.schemagate.dialect.Timeouts;
import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.mutation.MutationOptions;
import dev.schemagate.mutation.MutationResult;
import dev.schemagate.mutation.MutationRun;
import dev.schemagate.report.MutationReports;
import dev.schemagate.report.OutputFolderLock;
import dev.schemagate.report.ReportFormat;
import dev.schemagate.report.ReportPaths;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code mvn schemagate:mutate}: what {@code schemagate mutate} does, in the build. Every CLI option
 * of mutate is a parameter of the same name; the build fails when the kill rate is below {@code minKillRate}.
 */
@Mojo(name = "mutate", threadSafe = true, requiresProject = false)
public final class MutateMojo extends MigrationsMojo {

    /** The checks of the gate, as for verify: apply, reversibility, data, integrity, lint (default: all). */
    @Parameter(property = "schemagate.checks")
    List<String> checks;

    /** Synthetic rows per table, as for verify. */
    @Parameter(property = "schemagate.rows", defaultValue = "" + VerifyOptions.DEFAULT_ROWS)
    int rows;

    /** The schema the migrations must end in, as for verify: a mutant that changes the end schema is caught. */
    @Parameter(property = "schemagate.expected")
    String expected;

    /** Mutants run at once. */
    @Parameter(property = "schemagate.jobs", defaultValue = "1")
    int jobs;

    /** Run at most this many mutants, drawn with seed (0: all). */
    @Parameter(property = "schemagate.maxMutants", defaultValue = "0")
    int maxMutants;

    /** Seed of the draw of maxMutants; the same seed draws the same mutants. */
    @Parameter(property = "schemagate.seed", defaultValue = "1")
    long seed;

    /** How long one mutant may run before it counts as timed out, such as 90s or 5min. */
    @Parameter(property = "schemagate.timeout", defaultValue = "5min")
    String timeout;

    /** A shell command (such as "mvn -q test") run in a copy of the project with each mutant the checks did not catch written in. */
    @Parameter(property = "schemagate.testCommand")
    String testCommand;

    /** Fail the build when the kill rate is below this percentage (0: no threshold). */
    @Parameter(property = "schemagate.minKillRate", defaultValue = "0")
    double minKillRate;

    /** console, json, junit, html; console goes to the build log. */
    @Parameter(property = "schemagate.format", defaultValue = "console,json,junit,html")
    List<String> format;

    /** Folder for mutation.json, mutation-junit.xml and mutation.html. */
    @Parameter(property = "schemagate.out", defaultValue = "${project.build.directory}/schemagate")
    File out;

    @Override
    void run() throws MojoFailureException {
        SpringBootLocation location = location();
        VerifyOptions verify = VerifyOptions.of(location.path())
                .withSettings(settings(location))
                .withLayout(layout())
                .withDialect(dialect)
                .withServer(server())
                .withChecks(checks == null || checks.isEmpty() ? CheckName.defaults()
                        : checks.stream().map(CheckName::fromId).collect(Collectors.toSet()))
                .withSince(since == null || since.isBlank() ? null : since)
                .withRows(rows, VerifyOptions.DEFAULT_SEED)
                .withExpected(expected == null || expected.isBlank() ? null : expected)
                .withConfig(config == null ? null : config.toPath());
        MutationOptions options = new MutationOptions(verify, jobs, maxMutants, seed, Timeouts.parse("timeout", timeout),
                testCommand == null || testCommand.isBlank() ? null : testCommand, basedir.toPath(), minKillRate);
        MutationReports reports = new MutationReports(ReportFormat.parse(format), out.toPath(), ReportPaths.workingDirectory());
        try (PrintWriter log = new PrintWriter(new LogWriter(getLog())); OutputFolderLock held = reports.holdOutputFolder()) {
            MutationResult result = new MutationRun(r -> { }).run(options);
            reports.write(result, log);
            if (!result.passed()) {
                throw new MojoFailureException(String.format(Locale.ROOT, "schemagate:mutate: kill rate %.1f%% is below minKillRate %.1f%%; "
                        + "the survivors are listed above", result.overall().killRate(), minKillRate));
            }
        }
    }
}
