package dev.schemagate.cli;

import dev.schemagate.dialect.Timeouts;
import dev.schemagate.profile.ProfileOptions;
import dev.schemagate.profile.ProfileRun;
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
 * {@code schemagate profile DIR}: runs every migration (or every new one) on tables filled to each
 * size of a ladder, reports what each statement cost and how that grows, and compares with a baseline.
 */
@Command(name = "profile", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run each migration on tables filled to production-like sizes; report time, locks, rewrites, "
                + "write-ahead log and temporary files per statement, how they grow, and regressions against a baseline.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  profiled, and nothing slower than the baseline",
                "  1  a regression against the baseline, or a migration failed on the filled tables",
                "  2  usage or input error (bad option, unreadable baseline or history)",
                "  4  the database could not be had (did not start, connection lost)"})
public final class ProfileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "DIR",
            description = "The migrations folder, or a Liquibase changelog (default: the current folder).")
    Path directory;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--rows", split = ",", paramLabel = "N", defaultValue = "10000,100000,1000000",
            description = "The table sizes to profile at, ascending: every table holds this many rows before each migration "
                    + "(default: ${DEFAULT-VALUE}).")
    List<Integer> rows;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "" + ProfileOptions.DEFAULT_REPEAT,
            description = "Runs of each migration at each size, each on a fresh copy; the median is reported with the spread "
                    + "(default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--since", paramLabel = "REF",
            description = "A git revision such as origin/main: migrations whose files it holds are only applied, not profiled.")
    String since;

    @Option(names = "--at-rows", paramLabel = "N",
            description = "Extrapolate each statement's time, from its cost model, to tables of this many rows.")
    Long atRows;

    @Option(names = "--baseline-file", paramLabel = "FILE",
            description = "The baseline to compare with, when it exists, or to write with --write-baseline "
                    + "(default: " + ProfileOptions.BASELINE_FILE + " in the migrations folder).")
    Path baselineFile;

    @Option(names = "--write-baseline", description = "Write this run's times as the baseline instead of comparing with it.")
    boolean writeBaseline;

    @Option(names = "--regression-threshold", paramLabel = "PERCENT", defaultValue = "20",
            description = "How much slower than the baseline a median must be to be a regression, in percent (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--regression-floor", paramLabel = "DURATION", defaultValue = "5ms",
            description = "How much slower it must also be in time, so that 2 ms becoming 3 ms is no alarm (default: ${DEFAULT-VALUE}).")
    String floor;

    @Option(names = "--history", paramLabel = "FILE",
            description = "Append this run to a history: FILE (JSON) and a CSV of the same name beside it; the HTML report draws the trend.")
    Path history;

    @Option(names = "--format", split = ",", defaultValue = "console", paramLabel = "FORMAT",
            description = "console, json (profile.json), markdown (profile.md), html (profile.html); several separated by commas "
                    + "(default: ${DEFAULT-VALUE}).")
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
        PrintWriter err = spec.commandLine().getErr();
        ChangelogOptions.Located located = changelog.locate(directory, database, err);
        ProfileOptions options = new ProfileOptions(located.path(), database.layout(), database.dialect, database.server(), config.configFile(),
                located.settings(), since, rows, repeat, atRows,
                baselineFile != null ? baselineFile : ProfileOptions.defaultBaselineFile(located.path()),
                writeBaseline, percent(threshold), Timeouts.parse("--regression-floor", floor).toNanos() / 1e6, history);
        ProfileRun.checkFormats(formats);
        ProfileRun.Outcome outcome = ProfileRun.run(options, line -> err.println("schemagate: " + line));
        if (formats.stream().anyMatch(f -> f.trim().equalsIgnoreCase("console"))) {
            out.print(outcome.console());
            out.flush();
        }
        ProfileRun.write(outcome, options, formats, folder.outDir);
        return outcome.result().passed() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private static double percent(String text) {
        String number = text.trim().endsWith("%") ? text.trim().substring(0, text.trim().length() - 1) : text.trim();
        try {
            return Double.parseDouble(number) / 100;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--regression-threshold '" + text + "' is not a percentage; write a number such as 20");
        }
    }
}
