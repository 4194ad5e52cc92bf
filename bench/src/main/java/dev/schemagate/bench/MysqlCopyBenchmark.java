package dev.schemagate.bench;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.migration.ScriptPart;
import dev.schemagate.migration.Statement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times the copy every MySQL trial runs on (Schemagate's {@code cloneDatabase}: {@code SHOW CREATE}
 * of each object, rows by {@code INSERT … SELECT} on the server) against {@code mariadb-dump} piped
 * into {@code mariadb}, the other honest copy that needs no access to the server's files, of the same
 * database on the same server, in alternation so that both see the same load; prints the medians and
 * their ratio. The database is built from a schema file (as {@code snapshot -o schema.sql} writes one,
 * cut by the dialect's splitter), and each table is given up to 20 rows
 * of its defaults ({@code INSERT IGNORE … VALUES ()} with {@code sql_mode} empty; a unique key keeps
 * fewer).
 * Usage: {@code MysqlCopyBenchmark jdbc:mariadb://127.0.0.1:PORT/db?user=U SCHEMA.sql [pairs, default 7]};
 * the password in {@code MYSQL_PWD}, which the {@code mariadb} client reads too.
 */
public final class MysqlCopyBenchmark {

    private MysqlCopyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path schema = Path.of(args[1]);
        int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        String hostPort = url.replaceFirst("^jdbc:[a-z]+://", "").replaceFirst("/.*$", "");
        String host = hostPort.substring(0, hostPort.indexOf(':'));
        String port = hostPort.substring(hostPort.indexOf(':') + 1);
        String user = url.replaceFirst("^.*[?&]user=([^&]+).*$", "$1");
        try (DatabaseServer server = Dialects.byId("mysql").start(ServerOptions.privateServer("", url))) {
            ScratchDatabase template = server.createDatabase();
            String made = build(template, schema);
            List<Long> cloned = new ArrayList<>();
            List<Long> dumped = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                long start = System.nanoTime();
                server.cloneDatabase(template).close();
                cloned.add(System.nanoTime() - start);
                ScratchDatabase target = server.createDatabase();
                start = System.nanoTime();
                dump(host, port, user, template.name(), target.name());
                dumped.add(System.nanoTime() - start);
                target.close();
            }
            System.out.printf("%s; cloneDatabase (SHOW CREATE + INSERT … SELECT): median of %d %.0f ms (min %.0f, max %.0f)%n",
                    made, pairs, Timings.millis(Timings.median(cloned)), Timings.millis(Collections.min(cloned)), Timings.millis(Collections.max(cloned)));
            System.out.printf("mariadb-dump | mariadb: median of %d %.0f ms (min %.0f, max %.0f)%n",
                    pairs, Timings.millis(Timings.median(dumped)), Timings.millis(Collections.min(dumped)), Timings.millis(Collections.max(dumped)));
            System.out.printf("dump / clone: %.1fx%n", (double) Timings.median(dumped) / Timings.median(cloned));
            template.close();
        }
    }

    /** Runs the schema file and puts up to 20 rows into each table; returns what it made, for people. */
    private static String build(ScratchDatabase database, Path schema) throws Exception {
        int rowsIn = 0;
        List<String> tables = new ArrayList<>();
        try (Connection connection = database.connect(); java.sql.Statement sql = connection.createStatement()) {
            sql.execute("set foreign_key_checks = 0");
            for (Statement statement : Dialects.byId("mysql").splitter().split(schema, ScriptPart.of(Files.readString(schema), 1))) {
                sql.execute(statement.sql());
            }
            try (ResultSet rows = sql.executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = database() and table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                for (int row = 0; row < 20; row++) {
                    try {
                        // every column its default, else a value MySQL makes of the row number in non-strict mode
                        sql.execute("set session sql_mode = ''");
                        rowsIn += sql.executeUpdate("insert ignore into `" + table + "` () values ()");
                    } catch (SQLException ignored) {
                        // a table no row fits into without values stays empty: the copy still creates it
                    }
                }
            }
        }
        return tables.size() + " tables, " + rowsIn + " rows";
    }

    private static void dump(String host, String port, String user, String from, String to) throws Exception {
        String command = "mariadb-dump --no-defaults --single-transaction --routines --triggers --events -h " + host
                + " -P " + port + " -u " + user + " " + from + " | mariadb --no-defaults -h " + host + " -P " + port
                + " -u " + user + " " + to;
        Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("mariadb-dump | mariadb failed: " + output);
        }
    }
}
