package dev.schemagate.bench;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.postgres.PostgresDialect;
import dev.schemagate.postgres.ddl.PostgresSchemaWriter;
import dev.schemagate.postgres.introspect.PostgresIntrospector;

import java.io.File;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times a schema snapshot against {@code pg_dump --schema-only} on the same database, in the same
 * run: 1,000 tables (10 columns, 2 indexes besides the key, a foreign key each), 100 views and 100
 * functions on an embedded PostgreSQL 15. Prints medians after warm-up and their ratio.
 */
public final class SnapshotBenchmark {

    private static final int TABLES = 1000;
    private static final int VIEWS = 100;
    private static final int FUNCTIONS = 100;
    private static final int WARM_UP = 3;
    private static final int RUNS = 7;

    private SnapshotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String pgDump = args.length > 0 ? args[0] : "/usr/bin/pg_dump";
        PostgresDialect dialect = new PostgresDialect();
        try (DatabaseServer server = dialect.start(ServerOptions.embedded("15"));
             ScratchDatabase database = server.createDatabase();
             Connection connection = database.connect()) {
            System.out.println("server: " + server.description());
            long built = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute(schema());
            }
            System.out.printf("schema built in %d ms: %d tables, %d views, %d functions%n",
                    millis(System.nanoTime() - built), TABLES, VIEWS, FUNCTIONS);

            List<Long> oneConnectionTimes = new ArrayList<>();
            List<Long> snapshotTimes = new ArrayList<>();
            List<Long> connectingTimes = new ArrayList<>();
            Snapshot snapshot = null;
            for (int run = 0; run < WARM_UP + RUNS; run++) {
                long start = System.nanoTime();
                PostgresIntrospector.snapshot(connection, SnapshotOptions.full());
                long second = System.nanoTime();
                snapshot = dialect.snapshot(connection, database::connect, SnapshotOptions.full());
                long third = System.nanoTime();
                try (Connection fresh = database.connect()) {
                    dialect.snapshot(fresh, database::connect, SnapshotOptions.full());
                }
                if (run >= WARM_UP) {
                    oneConnectionTimes.add(second - start);
                    snapshotTimes.add(third - second);
                    connectingTimes.add(System.nanoTime() - third);
                }
            }
            int renderedLength = 0;
            List<Long> renderTimes = new ArrayList<>();
            for (int run = 0; run < WARM_UP + RUNS; run++) {
                long start = System.nanoTime();
                renderedLength = PostgresSchemaWriter.render(snapshot).length();
                if (run >= WARM_UP) {
                    renderTimes.add(System.nanoTime() - start);
                }
            }

            List<Long> dumpTimes = new ArrayList<>();
            for (int run = 0; run < 1 + RUNS; run++) {
                long start = System.nanoTime();
                pgDump(pgDump, database);
                if (run >= 1) {
                    dumpTimes.add(System.nanoTime() - start);
                }
            }

            long snapshotMedian = Timings.median(snapshotTimes);
            long dumpMedian = Timings.median(dumpTimes);
            System.out.printf("snapshot: median %d ms over %d runs (%d tables, %d views, %d routines; "
                            + "an open connection and a second one opened for part of the queries)%n",
                    millis(snapshotMedian), RUNS, snapshot.tables().size(), snapshot.views().size(),
                    snapshot.routines().size());
            System.out.printf("snapshot over the open connection alone: median %d ms%n",
                    millis(Timings.median(oneConnectionTimes)));
            System.out.printf("snapshot opening both connections, as pg_dump connects: median %d ms%n",
                    millis(Timings.median(connectingTimes)));
            System.out.printf("render: median %d ms over %d runs (%d characters of SQL)%n", millis(Timings.median(renderTimes)),
                    RUNS, renderedLength);
            System.out.printf("pg_dump --schema-only: median %d ms over %d runs%n", millis(dumpMedian), RUNS);
            System.out.printf("ratio snapshot / pg_dump: %.2f (opening both connections: %.2f)%n",
                    (double) snapshotMedian / dumpMedian, (double) Timings.median(connectingTimes) / dumpMedian);
        }
    }

    /** The 1,000-table schema, also used by the diff benchmark. */
    static String schema() {
        StringBuilder sql = new StringBuilder("CREATE SCHEMA bench;\n");
        for (int i = 0; i < TABLES; i++) {
            String parent = "bench.t" + Math.max(i - 1, 0);
            sql.append("CREATE TABLE bench.t").append(i).append(" (id bigint PRIMARY KEY, parent_id bigint REFERENCES ")
                    .append(parent).append(" (id), c1 text, c2 integer NOT NULL DEFAULT 0, c3 timestamptz DEFAULT now(), ")
                    .append("c4 numeric(12, 2), c5 varchar(40), c6 boolean, c7 jsonb, c8 date);\n")
                    .append("CREATE INDEX t").append(i).append("_c2 ON bench.t").append(i).append(" (c2);\n")
                    .append("CREATE INDEX t").append(i).append("_c5 ON bench.t").append(i).append(" (lower(c5));\n");
        }
        for (int i = 0; i < VIEWS; i++) {
            sql.append("CREATE VIEW bench.v").append(i).append(" AS SELECT a.id, a.c1, b.c2 FROM bench.t").append(i)
                    .append(" a JOIN bench.t").append(i + 1).append(" b ON b.parent_id = a.id;\n");
        }
        for (int i = 0; i < FUNCTIONS; i++) {
            sql.append("CREATE FUNCTION bench.f").append(i).append("(x integer) RETURNS integer LANGUAGE plpgsql ")
                    .append("AS $$BEGIN RETURN x + ").append(i).append("; END$$;\n");
        }
        return sql.toString();
    }

    private static void pgDump(String pgDump, ScratchDatabase database) throws Exception {
        URI url = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        ProcessBuilder process = new ProcessBuilder(pgDump, "--schema-only", "--no-password", "-h", url.getHost(),
                "-p", Integer.toString(url.getPort()), "-U", database.username(), "-d", database.name(), "-f",
                "/dev/null").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")));
        Map<String, String> environment = process.environment();
        if (database.password() != null) {
            environment.put("PGPASSWORD", database.password());
        }
        Process dump = process.start();
        if (!dump.waitFor(5, TimeUnit.MINUTES) || dump.exitValue() != 0) {
            throw new IllegalStateException("pg_dump failed with exit code " + dump.exitValue());
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
