package dev.schemagate.bench;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.postgres.PostgresDialect;
import dev.schemagate.postgres.introspect.PostgresIntrospector;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times what the verify engine does for every migration of a small project: a snapshot of a schema
 * of about fifteen tables, on the connection it keeps and on a fresh one, and the database clones
 * that checkpoints and per-test databases take ({@code CREATE DATABASE ... TEMPLATE}), next to a
 * plain {@code CREATE DATABASE}. Usage: {@code SmallSchemaBenchmark [major version, default 17]}.
 */
public final class SmallSchemaBenchmark {

    private static final int TABLES = 15;
    private static final int WARM_UP = 5;
    private static final int RUNS = 30;

    private SmallSchemaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String version = args.length > 0 ? args[0] : "17";
        try (DatabaseServer server = new PostgresDialect().start(ServerOptions.embedded(version));
             ScratchDatabase database = server.createDatabase();
             Connection connection = database.connect()) {
            System.out.println("server: " + server.description());
            try (Statement statement = connection.createStatement()) {
                statement.execute(schema());
            }
            Snapshot snapshot = PostgresIntrospector.snapshot(connection, SnapshotOptions.full());
            System.out.printf("schema: %d tables, %d views, %d routines, %d enums, %d sequences%n",
                    snapshot.tables().size(), snapshot.views().size(), snapshot.routines().size(),
                    snapshot.postgres().enums().size(), snapshot.sequences().size());

            report("snapshot, same connection", time(() -> PostgresIntrospector.snapshot(connection, SnapshotOptions.full())));
            report("connect + snapshot, new connection", time(() -> {
                try (Connection fresh = database.connect()) {
                    PostgresIntrospector.snapshot(fresh, SnapshotOptions.full());
                }
            }));
            report("connect only", time(() -> database.connect().close()));
            report("CREATE DATABASE (empty, TEMPLATE template0) + DROP", time(() -> server.createDatabase().close()));
            connection.close();
            report("CREATE DATABASE ... TEMPLATE (schema clone) + DROP", time(() -> server.cloneDatabase(database).close()));
            report("clone + connect + DROP", time(() -> {
                try (ScratchDatabase clone = server.cloneDatabase(database)) {
                    clone.connect().close();
                }
            }));
        }
    }

    /** A work step to time. */
    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static List<Long> time(Work work) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int run = 0; run < WARM_UP + RUNS; run++) {
            long start = System.nanoTime();
            work.run();
            if (run >= WARM_UP) {
                times.add(System.nanoTime() - start);
            }
        }
        return times;
    }

    private static void report(String what, List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.printf("%-52s median %6.1f ms  (min %6.1f, max %6.1f, %d runs)%n", what + ":",
                millis(sorted.get(sorted.size() / 2)), millis(sorted.get(0)), millis(sorted.get(sorted.size() - 1)),
                sorted.size());
    }

    private static double millis(long nanos) {
        return nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }

    /** About what a web application's auth schema holds: keyed tables with foreign keys, enums, a view, a function. */
    private static String schema() {
        StringBuilder sql = new StringBuilder("""
                CREATE TYPE public.state AS ENUM ('active', 'disabled', 'deleted');
                CREATE SEQUENCE public.ticket_seq;
                CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql
                    AS $$BEGIN NEW.updated_at = now(); RETURN NEW; END$$;
                CREATE TABLE public.network (id uuid PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());
                """);
        for (int i = 1; i < TABLES; i++) {
            sql.append("CREATE TABLE public.entity_").append(i).append(" (id uuid PRIMARY KEY, nid uuid NOT NULL ")
                    .append("REFERENCES public.network (id) ON DELETE CASCADE, name varchar(255) NOT NULL, ")
                    .append("state public.state NOT NULL DEFAULT 'active', data jsonb NOT NULL DEFAULT '{}', ")
                    .append("ticket bigint NOT NULL DEFAULT nextval('public.ticket_seq'), ")
                    .append("created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz, ")
                    .append("UNIQUE (nid, name), CHECK (length(name) > 0));\n")
                    .append("CREATE INDEX entity_").append(i).append("_created ON public.entity_").append(i)
                    .append(" (created_at DESC) WHERE state <> 'deleted';\n")
                    .append("CREATE TRIGGER entity_").append(i).append("_touch BEFORE UPDATE ON public.entity_")
                    .append(i).append(" FOR EACH ROW EXECUTE FUNCTION public.touch();\n")
                    .append("COMMENT ON TABLE public.entity_").append(i).append(" IS 'entity ").append(i).append("';\n");
        }
        sql.append("CREATE VIEW public.active_entities AS SELECT id, nid, name FROM public.entity_1 WHERE state = 'active';\n");
        return sql.toString();
    }
}
