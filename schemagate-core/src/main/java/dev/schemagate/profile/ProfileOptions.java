package dev.schemagate.profile;

import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.migration.Layout;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a profile run does: which migrations (all, or with {@code since} only the new ones), at which
 * table sizes and how many times each, which baseline it compares with or writes, where its history goes.
 *
 * @param ladder        the rows each table holds, one size after another, ascending
 * @param repeat        how many times each migration runs at each size, on a fresh copy each time
 * @param atRows        a size to extrapolate each statement's time to, or null
 * @param baselineFile  the baseline to compare with (when it exists) or to write
 * @param writeBaseline whether to write the baseline from this run instead of comparing
 * @param threshold     how much slower than the baseline a median must be to be a regression (0.2: 20%)
 * @param floorMs       how many milliseconds slower it must also be
 * @param history       the history file (JSON, with a CSV of the same name beside it) to append this run to, or null
 */
public record ProfileOptions(Path directory, Layout layout, String dialect, ServerOptions server, Path config,
                             Map<String, String> settings, String since, List<Integer> ladder, int repeat, Long atRows,
                             Path baselineFile, boolean writeBaseline, double threshold, double floorMs, Path history) {

    public static final List<Integer> DEFAULT_LADDER = List.of(10_000, 100_000, 1_000_000);
    public static final int DEFAULT_REPEAT = 3;
    public static final double DEFAULT_THRESHOLD = 0.20;
    public static final double DEFAULT_FLOOR_MS = 5;
    public static final String BASELINE_FILE = dev.schemagate.migration.MigrationDiscovery.BASELINE_FILE_NAME;

    /** {@value #BASELINE_FILE} in the migrations folder (beside a changelog file, when the source is one). */
    public static Path defaultBaselineFile(Path directory) {
        return (java.nio.file.Files.isDirectory(directory) ? directory : directory.toAbsolutePath().getParent()).resolve(BASELINE_FILE);
    }

    public ProfileOptions {
        settings = Map.copyOf(settings);
        ladder = List.copyOf(ladder);
        if (ladder.isEmpty() || ladder.stream().anyMatch(rows -> rows < 1)) {
            throw new IllegalArgumentException("--rows takes table sizes of at least 1 row, such as 10000,100000,1000000");
        }
        for (int i = 1; i < ladder.size(); i++) {
            if (ladder.get(i) <= ladder.get(i - 1)) {
                throw new IllegalArgumentException("--rows sizes must ascend, such as 10000,100000,1000000; got " + ladder);
            }
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1; got " + repeat);
        }
        if (threshold <= 0) {
            throw new IllegalArgumentException("--regression-threshold must be above 0%; got " + threshold * 100 + "%");
        }
        if (atRows != null && atRows < 1) {
            throw new IllegalArgumentException("--at-rows must be at least 1; got " + atRows);
        }
    }
}
