package dev.schemagate.maven;

import dev.schemagate.profile.ProfileOptions;
import dev.schemagate.profile.ProfileRun;
import dev.schemagate.dialect.Timeouts;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mvn schemagate:profile}: what {@code schemagate profile} does, in the build: each migration
 * on tables filled to a ladder of sizes, its cost per statement and how it grows, compared with the
 * checked-in baseline; a regression fails the build. Not bound to a phase: a nightly job calls it.
 */
@Mojo(name = "profile", threadSafe = true, requiresProject = false)
public final class ProfileMojo extends MigrationsMojo {

    /** The table sizes to profile at, ascending, comma-separated. */
    @Parameter(property = "schemagate.rows", defaultValue = "10000,100000,1000000")
    String rows;

    /** Runs of each migration at each size, each on a fresh copy. */
    @Parameter(property = "schemagate.repeat", defaultValue = "" + ProfileOptions.DEFAULT_REPEAT)
    int repeat;

    /** Extrapolate each statement's time to tables of this many rows. */
    @Parameter(property = "schemagate.atRows")
    Long atRows;

    /** The baseline to compare with or write (default: schemagate-baseline.json in the migrations folder). */
    @Parameter(property = "schemagate.baselineFile")
    File baselineFile;

    /** Write this run's times as the baseline instead of comparing with it. */
    @Parameter(property = "schemagate.writeBaseline", defaultValue = "false")
    boolean writeBaseline;

    /** How much slower than the baseline a median must be to be a regression, in percent. */
    @Parameter(property = "schemagate.regressionThreshold", defaultValue = "20")
    String regressionThreshold;

    /** How much slower it must also be in time. */
    @Parameter(property = "schemagate.regressionFloor", defaultValue = "5ms")
    String regressionFloor;

    /** Append this run to a history (JSON, with a CSV of the same name beside it). */
    @Parameter(property = "schemagate.history")
    File history;

    /** console, json, markdown, html; console goes to the build log. */
    @Parameter(property = "schemagate.format", defaultValue = "console,json,html")
    List<String> format;

    /** Folder for the json, markdown and html reports. */
    @Parameter(property = "schemagate.out", defaultValue = "${project.build.directory}/schemagate")
    File out;

    @Override
    void run() throws MojoFailureException {
        SpringBootLocation location = location();
        Path folder = location.path();
        Map<String, String> settings = new LinkedHashMap<>(settings(location));
        ProfileOptions options = new ProfileOptions(folder, layout(), dialect, server(), config == null ? null : config.toPath(),
                settings, since == null || since.isBlank() ? null : since,
                Arrays.stream(rows.split(",")).map(String::trim).map(Integer::valueOf).toList(), repeat, atRows,
                baselineFile != null ? baselineFile.toPath() : ProfileOptions.defaultBaselineFile(folder),
                writeBaseline, Double.parseDouble(regressionThreshold.replace("%", "").trim()) / 100,
                Timeouts.parse("regressionFloor", regressionFloor).toNanos() / 1e6, history == null ? null : history.toPath());
        ProfileRun.checkFormats(format);
        ProfileRun.Outcome outcome = ProfileRun.run(options, line -> getLog().info(line));
        if (format.stream().anyMatch(f -> f.trim().equalsIgnoreCase("console"))) {
            outcome.console().lines().forEach(getLog()::info);
        }
        ProfileRun.write(outcome, options, format, out.toPath());
        if (!outcome.result().passed()) {
            throw new MojoFailureException("schemagate:profile found " + outcome.result().regressions().size()
                    + " regression(s) against the baseline" + (outcome.result().anyFailed() ? " and a migration that failed on the filled tables"
                    : "") + " in " + folder + "; the report is above and in " + out);
        }
    }
}
