package dev.schemagate.profile;

import java.util.List;

/**
 * Everything one profile run found: each profiled migration at each size, how the tables were
 * filled, and, when it was compared with a baseline, the regressions.
 *
 * @param taken       when the run ended, ISO 8601 in UTC
 * @param tool        the Schemagate version that took it
 * @param atRows      the size each statement's time is extrapolated to, or null
 * @param comparison  what the baseline comparison said ({@code compared with ... taken on ...}), or null when none was made
 * @param seconds     how long the whole run took
 */
public record ProfileResult(String taken, String tool, Machine machine, List<Integer> ladder, int repeat, Long atRows,
                            List<MigrationProfile> migrations, List<Fill> fills, List<Regression> regressions,
                            String comparison, double seconds) {

    public ProfileResult {
        ladder = List.copyOf(ladder);
        migrations = List.copyOf(migrations);
        fills = List.copyOf(fills);
        regressions = List.copyOf(regressions);
    }

    /** This result, compared with a baseline. */
    public ProfileResult compared(List<Regression> found, String comparison) {
        return new ProfileResult(taken, tool, machine, ladder, repeat, atRows, migrations, fills, found, comparison, seconds);
    }

    /** Whether a migration could not be profiled (it failed on the filled tables). */
    public boolean anyFailed() {
        return migrations.stream().anyMatch(m -> m.failure() != null);
    }

    /** Passed: nothing slower than the baseline, nothing failed. */
    public boolean passed() {
        return regressions.isEmpty() && !anyFailed();
    }
}
