package dev.schemagate.bench;

import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Shows how the cost of a verify run grows with the length of a history and the size of a schema,
 * on histories it writes itself: does a migration cost the same whether it is the tenth or the
 * two-thousandth, and whether the schema holds ten tables or five thousand?
 *
 * <p>Usage: {@code ScaleBenchmark [LENGTHS] [TABLES]}, for instance {@code 500,1000,2000 5000}. For
 * each length it writes a history of that many small migrations (tables, columns, indexes and views
 * in turn, each with its down script), verifies it with the default checks (all but probes and
 * performance) and prints the whole time, the time per migration, the median cycle time of the
 * first and last tenth of the history, and the ratio of the last tenth to the first and of each
 * length to the one before (after an unprinted warm-up run). Then it writes a history whose first migration creates
 * TABLES tables, followed by four small migrations, and prints their cycle times. Each line gives the
 * most heap the run held at once.
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<Integer> lengths = Stream.of((args.length > 0 ? args[0] : "500,1000,2000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int tables = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        warmUp();
        peakHeapMegabytes();
        double previous = 0;
        int previousLength = 0;
        for (int length : lengths) {
            Path dir = Files.createTempDirectory("schemagate-scale-");
            try {
                SyntheticHistory.write(dir, length);
                long start = System.nanoTime();
                VerifyResult result = verify(dir);
                double seconds = (System.nanoTime() - start) / 1e9;
                List<MigrationRun> runs = result.runs();
                int tenth = Math.max(1, runs.size() / 10);
                double first = medianCycleMillis(runs.subList(0, tenth));
                double last = medianCycleMillis(runs.subList(runs.size() - tenth, runs.size()));
                System.out.printf(Locale.ROOT,
                        "%5d migrations: %7.1f s, %6.1f ms a migration; cycle median first tenth %5.0f ms, last tenth %5.0f ms (%.2fx); peak heap %d MB%s%n",
                        length, seconds, seconds * 1000 / length, first, last, last / first, peakHeapMegabytes(),
                        previous > 0 ? String.format(Locale.ROOT, "; %.2fx the %d-migration run", seconds / previous, previousLength) : "");
                previous = seconds;
                previousLength = length;
            } finally {
                delete(dir);
            }
        }
        if (tables > 0) {
            wideSchema(tables);
        }
    }

    /** A short history first, so the figures do not include the JVM warming up. */
    private static void warmUp() throws IOException {
        Path dir = Files.createTempDirectory("schemagate-warm-up-");
        try {
            SyntheticHistory.write(dir, 40);
            verify(dir);
        } finally {
            delete(dir);
        }
    }

    private static void wideSchema(int tables) throws IOException {
        Path dir = Files.createTempDirectory("schemagate-wide-");
        peakHeapMegabytes();
        try {
            SyntheticHistory.writeWide(dir, tables);
            long start = System.nanoTime();
            VerifyResult result = verify(dir);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<String> cycles = result.runs().stream().skip(1)
                    .map(run -> String.format(Locale.ROOT, "%.0f ms", run.reversalDuration().toNanos() / 1e6)).toList();
            System.out.printf(Locale.ROOT, "%5d tables then 4 small migrations: %7.1f s; their cycles %s; peak heap %d MB%n",
                    tables, seconds, String.join(", ", cycles), peakHeapMegabytes());
        } finally {
            delete(dir);
        }
    }

    /**
     * The heap the run's pools held at their fullest since the last call (which starts the count again):
     * each pool's own peak, added, so more than the heap ever held at one moment when they peaked apart.
     */
    private static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
                pool.resetPeakUsage();
            }
        }
        return peak >> 20;
    }

    private static VerifyResult verify(Path dir) {
        VerifyResult result = new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(dir).withChecks(CheckName.defaults()));
        if (result.runs().stream().anyMatch(run -> run.status() != MigrationRun.Status.APPLIED)) {
            throw new IllegalStateException("the synthetic history did not apply: " + result.findings().get(0).message());
        }
        return result;
    }

    private static double medianCycleMillis(List<MigrationRun> runs) {
        List<Double> millis = new ArrayList<>(runs.stream().map(run -> run.reversalDuration().toNanos() / 1e6).toList());
        millis.sort(Double::compare);
        return millis.get(millis.size() / 2);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
