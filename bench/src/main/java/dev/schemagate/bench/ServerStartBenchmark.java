package dev.schemagate.bench;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.postgres.PostgresDialect;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times what every run pays before its first migration: starting an embedded server (checking the
 * cached binaries, copying the prepared cluster, the server's start) and stopping it, and a new
 * connection to a scratch database, which password authentication makes dearer than none; with
 * {@code --ready-after-start}, once in a new JVM, how long after the process started a scratch
 * database answered. Usage: {@code ServerStartBenchmark [--ready-after-start] [major version, default 17]}.
 */
public final class ServerStartBenchmark {

    private static final int STARTS = 7;
    private static final int CONNECTS = 50;

    private ServerStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--ready-after-start")) {
            readyAfterStart(args.length > 1 ? args[1] : "17");
            return;
        }
        String version = args.length > 0 ? args[0] : "17";
        new PostgresDialect().start(ServerOptions.embedded(version)).close();
        List<Long> starts = new ArrayList<>();
        List<Long> stops = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            long start = System.nanoTime();
            DatabaseServer server = new PostgresDialect().start(ServerOptions.embedded(version));
            long started = System.nanoTime();
            server.close();
            stops.add(System.nanoTime() - started);
            starts.add(started - start);
        }
        System.out.printf("start, median of %d: %.0f ms (min %.0f, max %.0f)%n", STARTS, Timings.millis(Timings.median(starts)),
                Timings.millis(Collections.min(starts)), Timings.millis(Collections.max(starts)));
        System.out.printf("stop, median of %d: %.0f ms%n", STARTS, Timings.millis(Timings.median(stops)));
        try (DatabaseServer server = new PostgresDialect().start(ServerOptions.embedded(version));
             ScratchDatabase database = server.createDatabase()) {
            List<Long> connects = new ArrayList<>();
            for (int i = 0; i < CONNECTS; i++) {
                long start = System.nanoTime();
                database.connect().close();
                connects.add(System.nanoTime() - start);
            }
            System.out.printf("connect, median of %d: %.2f ms%n", CONNECTS, Timings.millis(Timings.median(connects)));
        }
    }

    /**
     * Prints how long after this process was launched (the JVM's own start included; see {@link LaunchTime})
     * a scratch database of a new embedded server took its first query: what every command pays before its work.
     */
    private static void readyAfterStart(String version) throws Exception {
        Instant processStart = LaunchTime.get();
        try (DatabaseServer server = new PostgresDialect().start(ServerOptions.embedded(version));
             ScratchDatabase database = server.createDatabase();
             Connection connection = database.connect();
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            System.out.println(Duration.between(processStart, Instant.now()).toMillis());
        }
    }
}
