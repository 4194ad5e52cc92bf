package dev.schemagate.mysql.lint;

import dev.schemagate.lint.Observation;
import dev.schemagate.lint.StatementObserver;
import dev.schemagate.migration.Statement;
import dev.schemagate.mysql.ServerMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches statements on MySQL or MariaDB and learns how the server ran each ALTER TABLE and CREATE
 * INDEX on an existing table: it asks for the cheapest algorithm first ({@code ALGORITHM=INSTANT},
 * then {@code INPLACE, LOCK=NONE}, {@code INPLACE}, {@code COPY, LOCK=NONE}) and the server either
 * refuses, saying why (error 1846) and changing nothing, or does exactly what the plain statement
 * would, since without the clause it picks the cheapest algorithm and lock it can; only when all are
 * refused does the plain statement run, as a copy. The table's InnoDB id before and after shows a
 * rebuild, and the rows the server reports it copied show a copy.
 *
 * <p>What the server accepted for {@code LOCK=} says whether writes waited; the stages
 * {@code performance_schema} timed for the statement ({@link StageClock}) say for how long
 * ({@link MetadataLocks}). On a server that does not time them, the evidence says so and the rest stands.
 */
final class MysqlStatementObserver implements StatementObserver {

    private Connection clocked;
    private StageClock.Opened clock;

    /** The server refused an ALGORITHM or LOCK clause: ER_ALTER_OPERATION_NOT_SUPPORTED(_REASON). */
    private static final Set<Integer> REFUSED = Set.of(1845, 1846);
    /** ER_ALTER_OPERATION_NOT_SUPPORTED without a reason: the clause is named, and what to try instead. */
    private static final Pattern NO_REASON = Pattern.compile("(ALGORITHM|LOCK)=\\w+ is not supported for this operation\\.( Try [^.]*\\.?)?");
    private static final Pattern WRITTEN = Pattern.compile("\\balgorithm ?= ?(\\w+)|\\block ?= ?(\\w+)");

    /** One way of asking: the clause to append and what it means when the server accepts it. */
    private record Probe(String clause, String algorithm, boolean lockNone) {
        String sql(Ddl ddl) {
            String sql = ddl.statement().sql().strip().replaceAll(";\\s*$", "");
            return ddl.kind() == Ddl.Kind.CREATE_INDEX ? sql + " " + clause.replace(",", "") : sql + ", " + clause;
        }
    }

    private static final List<Probe> PROBES = List.of(new Probe("ALGORITHM=INSTANT", "INSTANT", true),
            new Probe("ALGORITHM=INPLACE, LOCK=NONE", "INPLACE", true), new Probe("ALGORITHM=INPLACE", "INPLACE", false),
            new Probe("ALGORITHM=COPY, LOCK=NONE", "COPY", true));

    /** The tables, in lower case as the rules name them (the server's names may differ in case). */
    @Override
    public Set<String> tables(Connection connection) throws SQLException {
        return new LinkedHashSet<>(actualTables(connection).stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
    }

    /** The tables as the server spells them. */
    static List<String> actualTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select table_name from information_schema.tables"
                + " where table_schema = database() and table_type = 'BASE TABLE'"); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** The server's spelling of a table the rules name in lower case. */
    private static String actual(Connection connection, String table) throws SQLException {
        return actualTables(connection).stream().filter(t -> t.equalsIgnoreCase(table)).findFirst().orElse(table);
    }

    @Override
    public Observation observe(Connection connection, Statement statement, Set<String> existingTables, Execution execution)
            throws SQLException {
        Ddl ddl = Ddl.of(statement);
        String table = ddl.table();
        Map<String, Long> rows = new LinkedHashMap<>();
        if (table != null && existingTables.contains(table) && tables(connection).contains(table)) {
            rows.put(table, count(connection, table));
        }
        if (!ddl.alters() || !rows.containsKey(table)) {
            long start = System.nanoTime();
            execution.run();
            return observation(Duration.ofNanos(System.nanoTime() - start), rows, existingTables, Map.of(), List.of(), connection);
        }
        Long idBefore = tableId(connection, table);
        Set<String> indexesBefore = indexes(connection, table);
        List<String> refusals = new ArrayList<>();
        String algorithm = null;
        boolean lockNone = false;
        long affected = -1;
        long start = System.nanoTime();
        boolean probed = !ddl.namesAlgorithmOrLock();
        if (probed) {
            for (Probe probe : PROBES) {
                mark(connection);
                start = System.nanoTime();
                try (java.sql.Statement jdbc = connection.createStatement()) {
                    jdbc.execute(probe.sql(ddl));
                    affected = jdbc.getUpdateCount();
                    algorithm = probe.algorithm();
                    lockNone = probe.lockNone();
                    break;
                } catch (SQLException e) {
                    if (!REFUSED.contains(e.getErrorCode())) {
                        probed = false;
                        break;
                    }
                    String reason = reason(e);
                    refusals.add(probe.clause() + (reason.isEmpty() ? " without giving a reason" : ": " + reason));
                }
            }
        }
        if (algorithm == null) {
            mark(connection);
            start = System.nanoTime();
            try (java.sql.Statement jdbc = connection.createStatement()) {
                jdbc.execute(statement.sql());
                affected = jdbc.getUpdateCount();
            }
            if (probed) {
                algorithm = "COPY";
            } else {
                Matcher written = WRITTEN.matcher(ddl.text().masked());
                while (written.find()) {
                    if (written.group(1) != null && !written.group(1).equals("default")) {
                        algorithm = written.group(1).toUpperCase(Locale.ROOT);
                    } else if (written.group(2) != null) {
                        lockNone = written.group(2).equals("none");
                    }
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String locks = locks(connection, lockNone, ddl.spelled(table), rows.get(table));
        Long idAfter = tableId(connection, table);
        boolean rebuilt = idBefore != null && idAfter != null && !idBefore.equals(idAfter);
        Set<String> added = new LinkedHashSet<>(indexes(connection, table));
        added.removeAll(indexesBefore);
        Map<String, String> facts = new LinkedHashMap<>();
        if (algorithm != null) {
            facts.put(AlterRun.ALGORITHM, algorithm);
        }
        facts.put(AlterRun.LOCK_NONE, String.valueOf(lockNone));
        facts.put(AlterRun.REBUILT, String.valueOf(rebuilt));
        facts.put(AlterRun.INDEXES, String.join(",", added));
        List<String> notes = new ArrayList<>();
        notes.add("observed: " + ran(algorithm, lockNone, probed, !refusals.isEmpty()) + " on " + ddl.spelled(table) + ": "
                + change(rebuilt, idBefore, idAfter, affected) + ", " + took.toMillis() + " ms");
        notes.add(locks);
        refusals.forEach(refusal -> notes.add("observed: the server refused " + refusal));
        List<String> rewrites = rebuilt ? List.of(table) : List.of();
        List<String> built = added.stream().map(index -> index + " on " + table).toList();
        return new Observation(took, List.of(), List.of(), rewrites, built, rows, existingTables, false,
                !connection.getAutoCommit(), Map.of(), facts, notes);
    }

    /** The stage clock of this connection, opened once per connection. */
    private StageClock.Opened clock(Connection connection) {
        if (connection != clocked) {
            clocked = connection;
            clock = StageClock.open(connection);
        }
        return clock;
    }

    private void mark(Connection connection) throws SQLException {
        if (clock(connection).clock() != null) {
            clock.clock().mark(connection);
        }
    }

    /** The evidence line on the metadata locks the statement just run held, or why they were not observed. */
    private String locks(Connection connection, boolean lockNone, String table, Long rows) throws SQLException {
        StageClock.Opened opened = clock(connection);
        if (opened.clock() == null) {
            return "observed: metadata locks not observed: " + opened.unavailable();
        }
        MetadataLocks held = MetadataLocks.of(opened.clock().stagesSinceMark(connection), lockNone);
        return held == null ? "observed: metadata locks not observed: performance_schema recorded no ALTER TABLE stage for it"
                : held.describe(table, rows);
    }

    private static String ran(String algorithm, boolean lockNone, boolean probed, boolean refused) {
        if (algorithm == null) {
            return "ran as written (algorithm not probed)";
        }
        String how = "ran ALGORITHM=" + algorithm + (probed ? "" : " as written");
        if (algorithm.equals("INSTANT")) {
            return how + " (metadata only; an exclusive metadata lock for an instant)";
        }
        if (algorithm.equals("COPY") && lockNone) {
            return how + " with LOCK=NONE (MariaDB 11.2 and later replay the writes made during the copy; MySQL cannot, and"
                    + " blocks writes for the whole copy)";
        }
        return how + (lockNone ? " with LOCK=NONE (writes went on; an exclusive metadata lock only at its start and end)"
                : " without LOCK=NONE (writes to the table waited)");
    }

    private static String change(boolean rebuilt, Long before, Long after, long affected) {
        String copied = affected > 0 ? String.format(Locale.ROOT, "copied %,d rows into a new table", affected) : "built the table anew";
        return rebuilt ? copied + " (InnoDB table id " + before + " → " + after + ")"
                : before == null ? "table id not readable" : "the table kept its InnoDB table id " + before + " (not rebuilt)";
    }

    /** The reason the server gave for refusing a clause, or empty when it said only that it refuses it. */
    private static String reason(SQLException e) {
        String message = ServerMessage.of(e);
        int reason = message.indexOf("Reason: ");
        if (reason < 0) {
            return NO_REASON.matcher(message).matches() ? "" : message;
        }
        return message.substring(reason + "Reason: ".length()).replaceFirst("\\. Try [^.]*$", "");
    }

    private static Observation observation(Duration took, Map<String, Long> rows, Set<String> existing, Map<String, String> facts,
                                           List<String> notes, Connection connection) throws SQLException {
        return new Observation(took, List.of(), List.of(), List.of(), List.of(), rows, existing, false,
                !connection.getAutoCommit(), Map.of(), facts, notes);
    }

    /** The table's InnoDB id (MariaDB's INNODB_SYS_TABLES, MySQL 8's INNODB_TABLES), or null. */
    private static Long tableId(Connection connection, String table) {
        for (String view : List.of("innodb_sys_tables", "innodb_tables")) {
            try (PreparedStatement query = connection.prepareStatement("select table_id from information_schema." + view
                    + " where lower(name) = lower(concat(database(), '/', ?))")) {
                query.setString(1, table);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : null;
                }
            } catch (SQLException missing) {
                // the other server's view
            }
        }
        return null;
    }

    private static Set<String> indexes(Connection connection, String table) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        try (PreparedStatement query = connection.prepareStatement("select distinct lower(index_name) from information_schema.statistics"
                + " where table_schema = database() and lower(table_name) = lower(?)")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (java.sql.Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("select count(*) from `" + actual(connection, table).replace("`", "``") + "`")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
