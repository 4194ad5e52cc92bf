package dev.schemagate.bench;

import dev.schemagate.diff.PlanProof;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.DiffRun;
import dev.schemagate.migration.Layout;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.postgres.PostgresDialect;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times {@code schemagate diff --format sql} of two live databases given as JDBC URLs, as the command
 * does it on a running server: both snapshots (each on a new read-only connection), the grouped
 * difference, the SQL plan, and its proof (SOURCE copied by the server, which holds it, and seeded, the plan and the plan without
 * what can lose data run on copies, the results compared with TARGET). Both
 * databases hold the snapshot benchmark's 1,000-table schema; the second then drifts (columns
 * changed and added, indexes dropped, tables added). Prints medians after warm-up; the first argument,
 * if any, is the number of timed runs (7 by default; with 1 or 2, a single warm-up or none).
 */
public final class DiffBenchmark {

    private static final int WARM_UP = 2;
    private static final int RUNS = 7;

    private DiffBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Dialect dialect = new PostgresDialect();
        try (DatabaseServer server = dialect.start(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION));
             ScratchDatabase first = server.createDatabase(); ScratchDatabase second = server.createDatabase()) {
            System.out.println("server: " + server.description());
            // the connections that built them are closed: the diff finds both databases idle, as a copy needs
            try (Connection a = first.connect(); Connection b = second.connect();
                 Statement onFirst = a.createStatement(); Statement onSecond = b.createStatement()) {
                onFirst.execute(SnapshotBenchmark.schema());
                onSecond.execute(SnapshotBenchmark.schema() + drift());
            }
            String from = url(first);
            String to = url(second);
            DiffRun.DiffOptions options = new DiffRun.DiffOptions(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION),
                    Layout.AUTO, SnapshotOptions.structureOnly(), false, false, 20);
            int runs = args.length > 0 ? Integer.parseInt(args[0]) : RUNS;
            int warmUp = Math.min(WARM_UP, runs - 1);
            List<Long> times = new ArrayList<>();
            DiffRun.DiffResult result = null;
            for (int run = 0; run < warmUp + runs; run++) {
                long start = System.nanoTime();
                result = DiffRun.planned(dialect, server, from, to, options);
                if (run >= warmUp) {
                    times.add(System.nanoTime() - start);
                }
            }
            Collections.sort(times);
            PlanProof proof = result.proof();
            System.out.printf("diff of two live databases (1,000 tables each, both snapshots, difference, plan, and the "
                            + "plan proven: SOURCE copied by the server, the touched tables seeded, plan and held-back plan run, "
                            + "results compared): median %d ms, max %d ms over %d runs; %d objects differ, %d statements "
                            + "planned, %d held back, proven: %s%n",
                    TimeUnit.NANOSECONDS.toMillis(times.get(times.size() / 2)),
                    TimeUnit.NANOSECONDS.toMillis(times.get(times.size() - 1)), runs, result.diff().objects().size(),
                    proof.plan().statements().size(), proof.heldBack().size(),
                    proof.problems().isEmpty() ? "yes" : proof.problems());
        }
    }

    /** What makes the second database differ: 50 columns changed, 50 added, 50 indexes dropped, 10 tables added. */
    private static String drift() {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sql.append("ALTER TABLE bench.t").append(i * 20).append(" ALTER COLUMN c5 TYPE varchar(80);\n")
                    .append("ALTER TABLE bench.t").append(i * 20 + 1).append(" ADD COLUMN c9 text;\n")
                    .append("DROP INDEX bench.t").append(i * 20 + 2).append("_c2;\n");
        }
        for (int i = 0; i < 10; i++) {
            sql.append("CREATE TABLE bench.extra").append(i).append(" (id bigint PRIMARY KEY, note text);\n");
        }
        return sql.toString();
    }

    private static String url(ScratchDatabase database) {
        return database.jdbcUrl() + "?user=" + database.username()
                + (database.password() == null ? "" : "&password=" + database.password());
    }
}
