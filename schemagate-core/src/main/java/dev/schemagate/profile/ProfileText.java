package dev.schemagate.profile;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The console report of a profile: how the tables were filled, each migration and statement at each
 * size with its cost model, the extrapolation to {@code --at-rows}, the regressions, and a last line
 * that says PASSED or FAILED.
 */
public final class ProfileText {

    private ProfileText() {
    }

    public static String render(ProfileResult result, RegressionRule rule) {
        StringBuilder text = new StringBuilder();
        text.append("Profile at ").append(result.ladder().stream().map(ProfileText::count).collect(Collectors.joining(" / ")))
                .append(" rows per table, median of ").append(result.repeat()).append(result.repeat() == 1 ? " run" : " runs")
                .append(" (").append(result.machine().database()).append(")\n");
        for (Fill fill : result.fills()) {
            text.append(String.format(Locale.ROOT, "  filled %,d table(s) to %s rows: %,d rows in %.2f s (%,.0f rows/s)%n",
                    fill.tables(), count(fill.rows()), fill.inserted(), fill.seconds(), fill.rate()));
            fill.problems().stream().distinct().forEach(problem -> text.append("    not filled: ").append(problem).append('\n'));
            fill.adjusted().forEach(line -> text.append("    rows adjusted: ").append(line).append('\n'));
        }
        for (MigrationProfile migration : result.migrations()) {
            text.append('\n').append(migration.file()).append("  ").append(series(result.ladder(), migration.time()));
            if (migration.failure() != null) {
                text.append("\n  FAILED on the filled tables: ").append(migration.failure()).append('\n');
                continue;
            }
            text.append("  ").append(migration.fit().model().label()).append('\n');
            Integer largest = result.ladder().stream().filter(migration.time()::containsKey).reduce((a, b) -> b).orElse(null);
            if (largest != null) {
                text.append("  at ").append(count(largest)).append(" rows: write-ahead log ")
                        .append(Durations.bytes(migration.logBytes().getOrDefault(largest, 0L)))
                        .append(", temporary files ").append(Durations.bytes(migration.tempBytes().getOrDefault(largest, -1L))).append('\n');
            }
            for (StatementProfile statement : migration.statements()) {
                text.append("  :").append(statement.line()).append(' ').append(statement.action()).append('\n');
                text.append("      ").append(series(result.ladder(), statement.time())).append("  ").append(statement.fit().describe())
                        .append('\n');
                if (!statement.locks().isEmpty()) {
                    Timing held = largest == null ? null : statement.held().get(largest);
                    text.append("      locks ").append(String.join(", ", statement.locks()))
                            .append(held == null ? "" : ", held " + Durations.human(held.median()) + " at " + count(largest) + " rows")
                            .append('\n');
                } else if (!statement.inTransaction()) {
                    text.append("      ran outside a transaction: its locks are released before they can be read\n");
                }
                if (largest != null && statement.logBytes().getOrDefault(largest, 0L) > 0) {
                    long pages = statement.pagesRead().getOrDefault(largest, -1L);
                    text.append("      write-ahead log ").append(Durations.bytes(statement.logBytes().get(largest)))
                            .append(pages >= 0 ? String.format(Locale.ROOT, ", %,d table pages read", pages) : "").append(" at ")
                            .append(count(largest)).append(" rows\n");
                }
                if (result.atRows() != null) {
                    text.append("      ").append(Extrapolation.sentence(statement, result.atRows())).append('\n');
                }
            }
        }
        if (result.comparison() != null) {
            text.append('\n').append(result.comparison()).append('\n');
            for (Regression regression : result.regressions()) {
                text.append(String.format(Locale.ROOT, "%s: error: %s became slower at %s rows: %s → %s (+%.0f%%, noise %s)"
                                + " [profile.regression]%n", regression.location(), regression.what(), count(regression.rows()),
                        Durations.human(regression.baseline()), Durations.human(regression.median()), regression.percent(),
                        Durations.human(regression.noise())));
            }
        }
        long failed = result.migrations().stream().filter(m -> m.failure() != null).count();
        text.append('\n').append(result.passed() ? "PASSED" : "FAILED").append(' ').append(result.migrations().size())
                .append(" migration(s) profiled");
        if (result.comparison() != null) {
            text.append(String.format(Locale.ROOT, ", %d regression(s) (slower by more than %.0f%%, the noise and %s)",
                    result.regressions().size(), rule.threshold() * 100, Durations.human(rule.floorMs())));
        }
        if (failed > 0) {
            text.append(", ").append(failed).append(" failed on the filled tables");
        }
        text.append(String.format(Locale.ROOT, " (%.1f s)%n", result.seconds()));
        return text.toString();
    }

    /** {@code 1.20 ms | 4.10 ms | 16.3 ms}: the medians in ladder order, with the spread when it is large. */
    static String series(List<Integer> ladder, Map<Integer, Timing> time) {
        return ladder.stream().filter(time::containsKey).map(rows -> {
            Timing t = time.get(rows);
            return Durations.human(t.median()) + (t.spread() > 0.2 * t.median() && t.spread() > 1 ? " ±" + Durations.human(t.spread() / 2) : "");
        }).collect(Collectors.joining(" | "));
    }

    static String count(long rows) {
        return String.format(Locale.ROOT, "%,d", rows);
    }
}
