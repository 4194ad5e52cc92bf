package dev.schemagate.check;

import dev.schemagate.dialect.Profiling;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.profile.CostFit;
import dev.schemagate.profile.Durations;
import dev.schemagate.profile.Extrapolation;
import dev.schemagate.profile.Regression;
import dev.schemagate.profile.StatementProfile;
import dev.schemagate.profile.Timing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The findings of the performance check, worded once for every report. */
public final class PerformanceFindings {

    public static final String LONG_LOCK = "performance.long-lock";
    public static final String REGRESSION = "performance.regression";
    public static final String UNAVAILABLE = "performance.unavailable";

    /** A lock held this much longer than its statement runs is kept by the statements after it. */
    private static final double KEPT_BY_LATER = 1.1;

    private PerformanceFindings() {
    }

    /** Whether a profiled lock, {@code MODE on table}, blocks writes to its table, by the dialect's profiling. */
    public static boolean blocksWrites(Profiling profiling, String lock) {
        int on = lock.indexOf(" on ");
        return on > 0 && profiling.blocksWrites(lock.substring(0, on));
    }

    /**
     * A statement whose write-blocking locks would be held {@code heldMs} at {@code rows} rows per table;
     * {@code steps} is the dialect's way to do it without such locks.
     */
    public static Finding longLock(String steps, Path file, StatementProfile statement, long rows, double heldMs) {
        List<String> evidence = new ArrayList<>();
        evidence.add("measured: " + sizes(statement.time()) + " (one run each, under this machine's load)");
        evidence.add("model: " + fit(statement.fit()));
        evidence.add("locks held: " + sizes(statement.held()) + "; model: " + fit(statement.heldFit()));
        evidence.add("locks: " + String.join(", ", statement.locks()));
        evidence.add("statement: " + statement.sql());
        return new Finding(LONG_LOCK, Severity.WARNING, new Location(file, statement.line(), 0),
                Extrapolation.sentence(statement, rows),
                String.format(Locale.ROOT, "At %,d rows per table writes would wait about %s: %s, or plan the downtime."
                        + " Run schemagate profile for the full ladder.", rows, Durations.human(heldMs),
                        heldMs > statement.fit().predict(rows) * KEPT_BY_LATER
                                ? "the statements after it in its transaction keep the lock; move the slow ones (a backfill)"
                                        + " to a migration of their own, in batches"
                                : "do it in steps that take no lock blocking writes (" + steps + ")"), evidence);
    }

    /** A statement or migration slower than the baseline. */
    public static Finding regression(Path file, Regression regression, String compared) {
        return new Finding(REGRESSION, Severity.ERROR, new Location(file, regression.line(), 0),
                String.format(Locale.ROOT, "%s is %.0f%% slower than the baseline at %,d rows: %s, was %s", regression.what(),
                        regression.percent(), regression.rows(), Durations.human(regression.median()), Durations.human(regression.baseline())),
                "Find what made it slower (a rewrite, an index built, a backfill row by row); if the new cost is meant,"
                        + " write a new baseline with schemagate profile --write-baseline.",
                List.of(compared, String.format(Locale.ROOT, "noise: %s (the larger spread of the runs, then and now)",
                        Durations.human(regression.noise()))));
    }

    /** The performance check was asked for on a dialect that cannot profile. */
    public static Finding unavailable(MigrationSet set, String dialect) {
        return new Finding(UNAVAILABLE, Severity.INFO, Location.of(set.directory()),
                "the performance check cannot profile " + dialect + " migrations (it fills tables on the server), so it did not run",
                "The other checks ran in full; leave performance out of --checks to drop this note.", List.of());
    }

    private static String sizes(Map<Integer, Timing> time) {
        StringBuilder text = new StringBuilder();
        time.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> text.append(text.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%,d rows %s", e.getKey(), Durations.human(e.getValue().median()))));
        return text.toString();
    }

    private static String fit(CostFit fit) {
        return String.format(Locale.ROOT, "%s, R² %.2f over %d sizes (%s)", fit.model().label(), fit.r2(), fit.points(), fit.why());
    }
}
