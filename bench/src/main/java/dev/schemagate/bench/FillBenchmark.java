package dev.schemagate.bench;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.postgres.PostgresDialect;
import dev.schemagate.postgres.data.SeriesFill;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The profile's fill rate next to a plain {@code INSERT ... SELECT generate_series} written by hand
 * for the same two tables (a parent with a unique e-mail, a child with a foreign key, a CHECK on an
 * amount and a CHECK listing statuses), on an embedded PostgreSQL 17: median of a few runs of each,
 * alternated, in rows per second, and their ratio.
 *
 * <p>Usage: {@code FillBenchmark [ROWS...]} (default 100000 1000000)
 */
public final class FillBenchmark {

    private static final int RUNS = 3;
    private static final String SCHEMA = """
            CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, created_at timestamptz NOT NULL);
            CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id),
                total numeric(10,2) NOT NULL CHECK (total >= 0), status text NOT NULL CHECK (status IN ('new', 'paid', 'shipped')),
                placed date NOT NULL, note text);
            """;

    private FillBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(100_000, 1_000_000) : List.of(args).stream().map(Integer::valueOf).toList();
        PostgresDialect dialect = new PostgresDialect();
        try (DatabaseServer server = dialect.start(ServerOptions.embedded("17"));
             ScratchDatabase database = server.createDatabase();
             Connection connection = database.connect()) {
            System.out.println("server: " + server.description());
            execute(connection, SCHEMA);
            Snapshot snapshot = dialect.snapshot(connection, SnapshotOptions.structureOnly());
            List<QualifiedName> tables = List.of(QualifiedName.of("public", "customers"), QualifiedName.of("public", "orders"));
            for (int rows : sizes) {
                List<Long> seeder = new ArrayList<>();
                List<Long> plain = new ArrayList<>();
                for (int run = 0; run < RUNS; run++) {
                    execute(connection, "TRUNCATE customers, orders");
                    long start = System.nanoTime();
                    SeriesFill.fill(connection, snapshot, tables, rows, 42);
                    seeder.add(System.nanoTime() - start);
                    execute(connection, "TRUNCATE customers, orders");
                    start = System.nanoTime();
                    execute(connection, "INSERT INTO customers SELECT g, 'c' || g || '@example.com', now() FROM generate_series(1, " + rows
                            + ") g; INSERT INTO orders SELECT g, 1 + g % " + rows + ", (g % 1000) + 0.5, 'new', current_date, NULL"
                            + " FROM generate_series(1, " + rows + ") g");
                    plain.add(System.nanoTime() - start);
                }
                double seederSeconds = Timings.median(seeder) / 1e9;
                double plainSeconds = Timings.median(plain) / 1e9;
                System.out.printf(Locale.ROOT, "%,d rows a table (2 tables): seeder fill %.2f s (%,.0f rows/s), plain INSERT ... SELECT"
                                + " generate_series %.2f s (%,.0f rows/s), ratio %.2f%n", rows, seederSeconds, 2 * rows / seederSeconds,
                        plainSeconds, 2 * rows / plainSeconds, seederSeconds / plainSeconds);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
