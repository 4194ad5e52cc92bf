package dev.schemagate.engine;

import dev.schemagate.check.Severity;
import dev.schemagate.dialect.DialectChoice;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.lint.LintConfig;
import dev.schemagate.lint.LintConfigFile;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.Version;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything a verify run needs to know; the CLI, the JUnit extension and the Maven plugin each
 * fill one of these and hand it to the {@link Verifier}.
 *
 * @param directory the migrations folder
 * @param layout    the layout to read it as, or {@link Layout#AUTO}
 * @param dialect   the dialect id or file-name alias the user gave, or null to detect it (see {@link DialectChoice})
 * @param server    which server to run on
 * @param failOn    the lowest severity that fails the run
 * @param checks    the checks to make ({@code apply} always runs)
 * @param baseline  migrations at or before this version are history: they are applied and reported
 *                  only when they fail to apply; null for none
 * @param since     a git revision (such as {@code origin/main}): migrations whose files it holds are
 *                  history, its files are guarded against edits, and the rest get every check; null for none
 * @param rows      how many synthetic rows the data check puts in each table before each migration
 * @param seed      what the synthetic rows are derived from: the same seed gives the same rows
 * @param expected  the schema the migrations must end in ({@code .sql} or snapshot {@code .json}), or null
 * @param config    the {@code schemagate.yml} whose lint settings the lint check uses, or null to look
 *                  for one in the migrations folder, then the current folder
 * @param settings  tool settings the build gives, as flat keys ({@code flyway.placeholders.x},
 *                  {@code liquibase.contexts}, …), over those of the config files
 */
public record VerifyOptions(Path directory, Layout layout, String dialect, ServerOptions server, Severity failOn,
                            Set<CheckName> checks, Version baseline, String since, int rows, long seed, String expected, Path config,
                            Map<String, String> settings) {

    /**
     * Synthetic rows per table unless told otherwise, for the data check and the lint alike: enough
     * to see losses and failures on rows, cheap to write.
     */
    public static final int DEFAULT_ROWS = 20;
    public static final long DEFAULT_SEED = 1;

    public VerifyOptions {
        EnumSet<CheckName> all = EnumSet.of(CheckName.APPLY);
        all.addAll(checks);
        checks = Set.copyOf(all);
        settings = Map.copyOf(settings);
        if (rows < 1) {
            throw new IllegalArgumentException("--rows must be at least 1, not " + rows);
        }
    }

    public static VerifyOptions of(Path directory) {
        return new VerifyOptions(directory, Layout.AUTO, null, ServerOptions.embedded(ServerOptions.DEFAULT_VERSION),
                Severity.ERROR, CheckName.defaults(), null, null, DEFAULT_ROWS, DEFAULT_SEED, null, null, Map.of());
    }

    public VerifyOptions withLayout(Layout newLayout) {
        return new VerifyOptions(directory, newLayout, dialect, server, failOn, checks, baseline, since, rows, seed, expected, config, settings);
    }

    public VerifyOptions withDialect(String newDialect) {
        return new VerifyOptions(directory, layout, newDialect, server, failOn, checks, baseline, since, rows, seed, expected, config,
                settings);
    }

    public VerifyOptions withServer(ServerOptions newServer) {
        return new VerifyOptions(directory, layout, dialect, newServer, failOn, checks, baseline, since, rows, seed, expected, config, settings);
    }

    public VerifyOptions withChecks(Set<CheckName> newChecks) {
        return new VerifyOptions(directory, layout, dialect, server, failOn, newChecks, baseline, since, rows, seed, expected, config, settings);
    }

    public VerifyOptions withBaseline(Version newBaseline) {
        return new VerifyOptions(directory, layout, dialect, server, failOn, checks, newBaseline, since, rows, seed, expected, config, settings);
    }

    public VerifyOptions withSince(String ref) {
        return new VerifyOptions(directory, layout, dialect, server, failOn, checks, baseline, ref, rows, seed, expected, config, settings);
    }

    public VerifyOptions withRows(int newRows, long newSeed) {
        return new VerifyOptions(directory, layout, dialect, server, failOn, checks, baseline, since, newRows, newSeed, expected, config, settings);
    }

    public VerifyOptions withExpected(String newExpected) {
        return new VerifyOptions(directory, layout, dialect, server, failOn, checks, baseline, since, rows, seed, newExpected, config, settings);
    }

    public VerifyOptions withFailOn(Severity newFailOn) {
        return new VerifyOptions(directory, layout, dialect, server, newFailOn, checks, baseline, since, rows, seed, expected, config, settings);
    }

    public VerifyOptions withConfig(Path newConfig) {
        return new VerifyOptions(directory, layout, dialect, server, failOn, checks, baseline, since, rows, seed, expected, newConfig, settings);
    }

    public VerifyOptions withSettings(Map<String, String> newSettings) {
        return new VerifyOptions(directory, layout, dialect, server, failOn, checks, baseline, since, rows, seed, expected, config, newSettings);
    }

    /** The lint settings of the run: those of {@link #config}, else of the folder's or the current folder's file. */
    public LintConfig lintConfig() {
        return config != null ? LintConfigFile.load(config) : LintConfigFile.forRun(directory);
    }

    public boolean runs(CheckName check) {
        return checks.contains(check);
    }
}
