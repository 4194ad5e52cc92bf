package dev.schemagate.engine;

import dev.schemagate.check.Finding;
import dev.schemagate.check.PerformanceFindings;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Profiling;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.profile.Baseline;
import dev.schemagate.profile.MigrationProfile;
import dev.schemagate.profile.ProfileOptions;
import dev.schemagate.profile.ProfileResult;
import dev.schemagate.profile.Profiler;
import dev.schemagate.profile.Regression;
import dev.schemagate.profile.RegressionRule;
import dev.schemagate.profile.StatementProfile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The performance check of a verify run: the migrations it checks (history only applied) profiled on
 * its server at a small ladder, by the same {@link Profiler} as {@code schemagate profile}; the result
 * read as findings: regressions against the baseline beside the migrations, and statements whose
 * write-blocking locks would be held long at {@value #AT_ROWS} rows.
 */
final class PerformanceCheck {

    /** The table sizes profiled: two, so that growth can be fitted, and small, so that a verify run stays short. */
    static final List<Integer> LADDER = List.of(1_000, 10_000);
    /** The production size the lock times are extrapolated to. */
    static final long AT_ROWS = 10_000_000;
    /** How long a lock that blocks writes may be held at {@link #AT_ROWS} rows before it is reported, in milliseconds. */
    static final double LONG_LOCK_MS = 1_000;

    private PerformanceCheck() {
    }

    /** The findings, or none when the check was not asked for or a migration did not apply (the apply check says why). */
    static List<Finding> findings(Dialect dialect, VerifyOptions options, MigrationSet set, HistoryCut cut, DatabaseServer server,
                                  boolean applied) {
        if (!options.runs(CheckName.PERFORMANCE)) {
            return List.of();
        }
        if (dialect.profiling().isEmpty()) {
            return List.of(PerformanceFindings.unavailable(set, dialect.id()));
        }
        if (!applied) {
            return List.of();
        }
        Path baselineFile = ProfileOptions.defaultBaselineFile(options.directory());
        ProfileOptions profile = new ProfileOptions(options.directory(), options.layout(), dialect.id(), options.server(),
                options.config(), options.settings(), options.since(), LADDER, 1, AT_ROWS, baselineFile, false,
                ProfileOptions.DEFAULT_THRESHOLD, ProfileOptions.DEFAULT_FLOOR_MS, null);
        ProfileResult result = new Profiler(line -> { }).profile(profile, dialect, set, cut, server);
        List<Finding> findings = new ArrayList<>();
        Profiling profiling = dialect.profiling().orElseThrow();
        for (MigrationProfile migration : result.migrations()) {
            Path file = set.directory().resolve(migration.file());
            for (StatementProfile statement : migration.statements()) {
                double held = Math.max(statement.fit().predict(AT_ROWS), statement.heldFit().predict(AT_ROWS));
                if (held > LONG_LOCK_MS && statement.locks().stream().anyMatch(lock -> PerformanceFindings.blocksWrites(profiling, lock))) {
                    findings.add(PerformanceFindings.longLock(profiling.stepsWithoutBlockingWrites(), file, statement, AT_ROWS, held));
                }
            }
        }
        if (Files.isRegularFile(baselineFile)) {
            Baseline baseline = Baseline.read(baselineFile);
            String compared = baseline.describe(baselineFile, result);
            for (Regression regression : baseline.compare(result, new RegressionRule(ProfileOptions.DEFAULT_THRESHOLD,
                    ProfileOptions.DEFAULT_FLOOR_MS))) {
                findings.add(PerformanceFindings.regression(set.directory().resolve(regression.file()), regression, compared));
            }
        }
        return findings;
    }
}
