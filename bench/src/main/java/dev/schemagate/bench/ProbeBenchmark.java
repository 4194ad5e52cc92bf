package dev.schemagate.bench;

import dev.schemagate.data.ConstraintProber;
import dev.schemagate.data.ProbeOutcome;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.Statement;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Times the constraint probes on the schema a migrations folder ends with (by default Hydra's):
 * applies the up scripts once, then probes the end schema RUNS times (after one warm-up run) and
 * prints the median beside a snapshot of the same schema, the yardstick every check already pays,
 * with how many probes of each kind ran and how they ended.
 *
 * <p>Usage: {@code ProbeBenchmark DIR [RUNS]} (RUNS default 5).
 */
public final class ProbeBenchmark {

    private ProbeBenchmark() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length < 1) {
            System.err.println("usage: ProbeBenchmark DIR [RUNS]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Dialect dialect = Dialects.byId("postgres");
        ConstraintProber prober = dialect.prober().orElseThrow();
        MigrationSet set = MigrationDiscovery.discover(dir, Layout.AUTO, Dialects.names(dialect));
        try (DatabaseServer server = dialect.start(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION));
             ScratchDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            for (Migration migration : set.migrations()) {
                for (Statement statement : dialect.splitter().split(migration.up())) {
                    dialect.execute(connection, statement);
                }
            }
            Snapshot snapshot = dialect.snapshot(connection, SnapshotOptions.full());
            List<Long> probeTimes = new ArrayList<>();
            List<Long> snapshotTimes = new ArrayList<>();
            List<ProbeOutcome> outcomes = List.of();
            for (int run = 0; run <= runs; run++) {
                long start = System.nanoTime();
                dialect.snapshot(connection, SnapshotOptions.full());
                long middle = System.nanoTime();
                connection.setAutoCommit(false);
                outcomes = prober.probe(connection, snapshot);
                connection.rollback();
                connection.setAutoCommit(true);
                if (run > 0) {
                    snapshotTimes.add(middle - start);
                    probeTimes.add(System.nanoTime() - middle);
                }
            }
            Map<String, Integer> counts = new TreeMap<>();
            outcomes.forEach(o -> counts.merge(o.verdict().name().toLowerCase(Locale.ROOT) + " " + o.kind(), 1, Integer::sum));
            long probe = Timings.median(probeTimes);
            long snap = Timings.median(snapshotTimes);
            System.out.printf(Locale.ROOT, "%s: %d migrations, end schema of %d tables on %s%n", dir, set.migrations().size(),
                    snapshot.tables().size(), server.description());
            System.out.printf(Locale.ROOT, "probes: %d, median %d ms over %d runs (%.1f ms a table)%n", outcomes.size(),
                    probe / 1_000_000, runs, probe / 1e6 / snapshot.tables().size());
            System.out.printf(Locale.ROOT, "snapshot of the same schema: median %d ms; probes / snapshot: %.1fx%n",
                    snap / 1_000_000, (double) probe / snap);
            System.out.println("outcomes: " + counts);
            outcomes.stream().filter(o -> o.verdict() != ProbeOutcome.Verdict.HELD)
                    .forEach(o -> System.out.println("  " + o.verdict().name().toLowerCase(Locale.ROOT) + " " + o.name() + ": " + o.observed()));
        }
    }
}
