package dev.schemagate.bench;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.Statement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Times a verify of a SQLite history with every check against the {@code sqlite3} shell applying the
 * same up scripts (one shell reading them in order, as {@code .read} commands, into a new database
 * file; with its default disk syncs, and without them as the scratch databases run), and against a plain apply of them over one JDBC connection; prints each and the ratios.
 * Without a {@code sqlite3} on the PATH the JDBC apply is the baseline, and it says so.
 *
 * <p>Usage: {@code SqliteShellBenchmark DIR [RUNS]}; each figure is the median of RUNS runs (default
 * 3), after one warm-up run of each.
 */
public final class SqliteShellBenchmark {

    private SqliteShellBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SqliteShellBenchmark DIR [RUNS]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Dialect dialect = Dialects.byId("sqlite");
        MigrationSet set = MigrationDiscovery.discover(dir, Layout.AUTO, Dialects.names(dialect));
        Path work = Files.createTempDirectory("schemagate-sqlite-bench");
        StringBuilder reads = new StringBuilder();
        for (Migration migration : set.migrations()) {
            reads.append(".read '").append(migration.up().file().toAbsolutePath().toString().replace("'", "''")).append("'\n");
        }
        Path driver = Files.writeString(work.resolve("apply.sql"), ".bail off\n" + reads);
        Path unsynced = Files.writeString(work.resolve("apply-unsynced.sql"),
                ".bail off\nPRAGMA synchronous = OFF;\nPRAGMA journal_mode = MEMORY;\n" + reads);
        System.out.printf(Locale.ROOT, "%s: %d SQLite migrations, median of %d runs%n", dir, set.migrations().size(), runs);
        String shell = shellVersion();
        double baseline;
        if (shell != null) {
            List<List<String>> errors = new ArrayList<>(List.of(List.of()));
            double synced = Timing.median(runs, () -> errors.set(0, shellApply(work, driver)));
            System.out.printf(Locale.ROOT, "%-46s %7.2f s  (%s, its defaults; %d statements failed%s)%n",
                    "sqlite3 shell applying the up scripts", synced, shell, errors.get(0).size(),
                    errors.get(0).isEmpty() ? "" : ", the first: " + errors.get(0).get(0));
            baseline = Timing.median(runs, () -> errors.set(0, shellApply(work, unsynced)));
            System.out.printf(Locale.ROOT, "%-46s %7.2f s  (synchronous=OFF, journal in memory, as the scratch databases;"
                    + " the baseline)%n", "sqlite3 shell, the same without disk syncs", baseline);
        } else {
            baseline = 0;
            System.out.println("no sqlite3 shell on the PATH: the baseline is the plain JDBC apply below");
        }
        double jdbc;
        try (DatabaseServer server = dialect.start(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION))) {
            jdbc = Timing.median(runs, () -> jdbcApply(dialect, server, set));
        }
        if (baseline == 0) {
            baseline = jdbc;
        }
        System.out.printf(Locale.ROOT, "%-46s %7.2f s  %6.1fx baseline%n", "plain apply over one JDBC connection", jdbc, jdbc / baseline);
        VerifyOptions options = VerifyOptions.of(dir).withDialect("sqlite").withChecks(EnumSet.allOf(CheckName.class));
        double verify = Timing.median(runs, () -> verify(options));
        System.out.printf(Locale.ROOT, "%-46s %7.2f s  %6.1fx baseline  %5.1f ms a migration%n", "verify with every check",
                verify, verify / baseline, verify * 1000 / set.migrations().size());
        try (var files = Files.list(work)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(work);
    }

    /** The shell's version, or null when there is no {@code sqlite3} to run. */
    private static String shellVersion() {
        try {
            Process process = new ProcessBuilder("sqlite3", "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).strip();
            return process.waitFor() == 0 ? "sqlite3 " + out.split("\\s+")[0] : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** One shell run into a new database file; returns the errors it reported, one a failed statement. */
    private static List<String> shellApply(Path work, Path driver) throws Exception {
        Path database = work.resolve("shell.db");
        Files.deleteIfExists(database);
        Process process = new ProcessBuilder("sqlite3", database.toString()).redirectInput(driver.toFile())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out.lines().filter(line -> line.matches("^(?:Parse error|Runtime error|Error).*")).toList();
    }

    private static void jdbcApply(Dialect dialect, DatabaseServer server, MigrationSet set) throws Exception {
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
        if (result.runs().stream().anyMatch(run -> run.status() != MigrationRun.Status.APPLIED)) {
            throw new IllegalStateException("not every migration applied: " + result.findings().get(0).message());
        }
    }

    /** Medians of timed runs after a warm-up. */
    private static final class Timing {

        /** A piece of work to time. */
        interface Work {
            void run() throws Exception;
        }

        static double median(int runs, Work work) throws Exception {
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
    }
}
