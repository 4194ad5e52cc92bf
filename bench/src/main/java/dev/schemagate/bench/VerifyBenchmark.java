package dev.schemagate.bench;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.Statement;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Times a full verify of one migrations folder against a plain apply of its up scripts over one
 * connection, on the same embedded server in the same run, and prints both and their ratio, check
 * by check: what the reversibility, data and integrity checks cost on top of applying.
 *
 * <p>Usage: {@code VerifyBenchmark DIR [RUNS]}; each figure is the median of RUNS runs (default 3),
 * after one warm-up run of each.
 */
public final class VerifyBenchmark {

    private VerifyBenchmark() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length < 1) {
            System.err.println("usage: VerifyBenchmark DIR [RUNS]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Dialect dialect = Dialects.byId("postgres");
        MigrationSet set = MigrationDiscovery.discover(dir, Layout.AUTO, Dialects.names(dialect));
        try (DatabaseServer server = dialect.start(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION))) {
            String url = adminUrl(server);
            System.out.printf(Locale.ROOT, "%s: %d migrations on %s, median of %d runs%n", dir, set.migrations().size(),
                    server.description(), runs);
            double plain = median(runs, () -> plainApply(dialect, server, set));
            System.out.printf(Locale.ROOT, "%-44s %7.2f s%n", "plain apply of the up scripts, one connection", plain);
            List<Set<CheckName>> variants = List.of(
                    EnumSet.of(CheckName.APPLY),
                    EnumSet.of(CheckName.APPLY, CheckName.REVERSIBILITY),
                    EnumSet.of(CheckName.APPLY, CheckName.REVERSIBILITY, CheckName.INTEGRITY),
                    EnumSet.of(CheckName.APPLY, CheckName.REVERSIBILITY, CheckName.DATA, CheckName.INTEGRITY),
                    CheckName.defaults());
            for (Set<CheckName> checks : variants) {
                VerifyOptions options = VerifyOptions.of(dir).withServer(ServerOptions.privateServer(ServerOptions.DEFAULT_VERSION, url)).withChecks(checks);
                double seconds = median(runs, () -> verify(options));
                System.out.printf(Locale.ROOT, "%-44s %7.2f s  %6.1fx plain  %5.1f ms a migration%n",
                        "verify --checks " + ids(checks), seconds, seconds / plain,
                        seconds * 1000 / set.migrations().size());
            }
        }
    }

    /** A URL to the server's maintenance database, for verify runs that create their own scratch databases on it. */
    private static String adminUrl(DatabaseServer server) {
        try (ScratchDatabase probe = server.createDatabase()) {
            String url = probe.jdbcUrl();
            return url.substring(0, url.lastIndexOf('/')) + "/postgres?user=" + probe.username() + "&password=" + probe.password();
        }
    }

    private static void plainApply(Dialect dialect, DatabaseServer server, MigrationSet set) throws SQLException {
        try (ScratchDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            for (Migration migration : set.migrations()) {
                for (Statement statement : dialect.splitter().split(migration.up())) {
                    dialect.execute(connection, statement);
                }
            }
        }
    }

    private static void verify(VerifyOptions options) {
        VerifyResult result = new Verifier(ProgressListener.NONE).verify(options);
        if (result.runs().stream().anyMatch(run -> run.status() != dev.schemagate.engine.MigrationRun.Status.APPLIED)) {
            throw new IllegalStateException("not every migration applied: " + result.findings().get(0).message());
        }
    }

    private static double median(int runs, Work work) throws SQLException {
        work.run();
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        seconds.sort(Double::compare);
        return seconds.get(seconds.size() / 2);
    }

    private static String ids(Set<CheckName> checks) {
        return String.join(",", checks.stream().map(CheckName::id).toList());
    }

    /** A piece of work to time. */
    private interface Work {
        void run() throws SQLException;
    }
}
