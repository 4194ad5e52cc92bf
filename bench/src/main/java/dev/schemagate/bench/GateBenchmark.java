package dev.schemagate.bench;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Times the pull-request gate, {@code verify --since REF} with every check, on a migrations folder
 * inside a git repository, next to {@code verify --checks apply} of the whole history on the same
 * server, and prints the figures and the ratio to the target: at most 1.5 times the apply run plus
 * the checks of the new migrations. The new migrations' checks are what the gate adds over the same
 * gate with {@code --checks apply}, which applies the history and guards it and nothing else.
 *
 * <p>Usage: {@code GateBenchmark DIR REF [RUNS]}; each figure is the median of RUNS runs (default 3),
 * after one warm-up run of each.
 */
public final class GateBenchmark {

    private GateBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: GateBenchmark DIR REF [RUNS]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        String ref = args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (DatabaseServer server = Dialects.byId("postgres").start(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION))) {
            VerifyOptions base = VerifyOptions.of(dir).withServer(new ServerOptions(ServerOptions.DEFAULT_VERSION, adminUrl(server)));
            VerifyOptions apply = base.withChecks(EnumSet.of(CheckName.APPLY));
            VerifyOptions guarded = apply.withSince(ref);
            VerifyOptions gate = base.withSince(ref);
            VerifyResult sample = verify(gate);
            System.out.printf(Locale.ROOT, "%s: %d migrations, %d history at %s, %d new, on %s, median of %d runs%n", dir,
                    sample.runs().size(), sample.history(), ref, sample.checked(), sample.server(), runs);
            double applyAll = median(runs, () -> verify(apply));
            double historyOnly = median(runs, () -> verify(guarded));
            double full = median(runs, () -> verify(gate));
            double newChecks = full - historyOnly;
            double target = 1.5 * applyAll + newChecks;
            System.out.printf(Locale.ROOT, "%-58s %7.2f s%n", "verify --checks apply (whole history)", applyAll);
            System.out.printf(Locale.ROOT, "%-58s %7.2f s  %4.2fx the apply run%n",
                    "verify --since " + ref + " --checks apply (history + guard)", historyOnly, historyOnly / applyAll);
            System.out.printf(Locale.ROOT, "%-58s %7.2f s%n", "verify --since " + ref + " (the gate, every check)", full);
            System.out.printf(Locale.ROOT, "%-58s %7.2f s  (%s)%n", "  of which the checks of the new migrations", newChecks,
                    cycles(sample));
            System.out.printf(Locale.ROOT, "%-58s %7.2f s  gate / target = %4.2f (at most 1.00)%n",
                    "target: 1.5 x apply + the new migrations' checks", target, full / target);
        }
    }

    /** The cycle time of each new migration in one gate run, for people reading where the time goes. */
    private static String cycles(VerifyResult result) {
        List<String> parts = new ArrayList<>();
        for (MigrationRun run : result.runs()) {
            if (!run.history()) {
                parts.add(run.migration().version() + " cycle " + run.reversalDuration().toMillis() + " ms");
            }
        }
        return String.join(", ", parts);
    }

    private static String adminUrl(DatabaseServer server) {
        try (ScratchDatabase probe = server.createDatabase()) {
            String url = probe.jdbcUrl();
            return url.substring(0, url.lastIndexOf('/')) + "/postgres?user=" + probe.username();
        }
    }

    private static VerifyResult verify(VerifyOptions options) {
        VerifyResult result = new Verifier(ProgressListener.NONE).verify(options);
        if (result.runs().stream().anyMatch(run -> run.status() != MigrationRun.Status.APPLIED)) {
            throw new IllegalStateException("not every migration applied: " + result.findings().get(0).message());
        }
        return result;
    }

    private static double median(int runs, Supplier<VerifyResult> work) {
        work.get();
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            seconds.add(Duration.ofNanos(System.nanoTime() - start).toNanos() / 1e9);
        }
        seconds.sort(Double::compare);
        return seconds.get(seconds.size() / 2);
    }
}
