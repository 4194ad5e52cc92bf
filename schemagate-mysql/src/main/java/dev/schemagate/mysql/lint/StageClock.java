package dev.schemagate.mysql.lint;

import dev.schemagate.mysql.ServerMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the stages {@code performance_schema} timed for the last statement of one connection: the
 * embedded server starts with the stage instruments and the per-thread stage history on, so each
 * ALTER TABLE leaves its stages ({@code copy to tmp table}, {@code preparing for alter table},
 * {@code committing alter table to storage engine}, …) with their start and end, in picoseconds.
 * A statement releases its metadata locks as it commits, before another query on its connection
 * could read them, and another connection polling {@code metadata_locks} misses what lasts less
 * than its polling interval (and MariaDB shows an upgraded lock under its first type there): the
 * stage history is read after the statement and is exact for short statements too.
 *
 * <p>A server of the user's own may have {@code performance_schema} off or its stage history not
 * recorded: {@link #open} then says why, and nothing is read.
 */
final class StageClock {

    /** One stage of a statement: its name in lower case without {@code stage/sql/}, start and end in picoseconds. */
    record Stage(String name, long start, long end) {
    }

    /** The consumers the stage history needs, all five on. */
    private static final String CONSUMERS = "'events_stages_current', 'events_stages_history', 'events_statements_current',"
            + " 'thread_instrumentation', 'global_instrumentation'";

    /** The server options that have it time the stages from its start (the last two consumers are on by default). */
    private static final String START_OPTIONS = "--performance-schema=ON --performance-schema-instrument='stage/%=ON'"
            + " --performance-schema-consumer-events-stages-current=ON --performance-schema-consumer-events-stages-history=ON"
            + " --performance-schema-consumer-events-statements-current=ON";

    private final long thread;
    private long lastEvent;
    private long lastStatement;

    private StageClock(long thread) {
        this.thread = thread;
    }

    /** The clock of this connection's thread, or the reason the server does not time its stages. */
    static Opened open(Connection connection) {
        try (java.sql.Statement query = connection.createStatement()) {
            try (ResultSet on = query.executeQuery("select @@performance_schema")) {
                if (!on.next() || !on.getBoolean(1)) {
                    return new Opened(null, "performance_schema is off on this server; it is turned on only at start: start"
                            + " the server with " + START_OPTIONS);
                }
            }
            try (ResultSet recorded = query.executeQuery("select (select count(*) from performance_schema.setup_consumers"
                    + " where name in (" + CONSUMERS + ") and enabled = 'YES'),"
                    + " (select count(*) from performance_schema.setup_instruments where name in ('stage/sql/copy to tmp table',"
                    + " 'stage/sql/committing alter table to storage engine') and enabled = 'YES' and timed = 'YES')")) {
                if (!recorded.next() || recorded.getInt(1) < 5 || recorded.getInt(2) < 2) {
                    return new Opened(null, "this server's performance_schema does not time the ALTER TABLE stages; as an"
                            + " administrator, run UPDATE performance_schema.setup_instruments SET enabled = 'YES', timed = 'YES'"
                            + " WHERE name LIKE 'stage/sql/%'; UPDATE performance_schema.setup_consumers SET enabled = 'YES'"
                            + " WHERE name IN (" + CONSUMERS + "); or start the server with " + START_OPTIONS);
                }
            }
            try (ResultSet own = query.executeQuery("select thread_id from performance_schema.threads where processlist_id = connection_id()")) {
                if (!own.next()) {
                    return new Opened(null, "performance_schema does not instrument this connection's thread");
                }
                return new Opened(new StageClock(own.getLong(1)), null);
            }
        } catch (SQLException e) {
            return new Opened(null, "performance_schema could not be read (" + ServerMessage.of(e) + ")");
        }
    }

    /** A clock, or why there is none. */
    record Opened(StageClock clock, String unavailable) {
    }

    /** Marks where the history stands: call before running the statement to time. */
    void mark(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select coalesce(max(event_id), 0), coalesce(max(nesting_event_id), 0)"
                + " from performance_schema.events_stages_history where thread_id = ?")) {
            query.setLong(1, thread);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                lastEvent = rows.getLong(1);
                lastStatement = rows.getLong(2);
            }
        }
    }

    /**
     * The stages of the one statement run since {@link #mark}, in order: those newer than the mark
     * that belong neither to the query that marked it nor to this one reading them.
     */
    List<Stage> stagesSinceMark(Connection connection) throws SQLException {
        List<long[]> times = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select nesting_event_id, event_name, timer_start, timer_end"
                + " from performance_schema.events_stages_history where thread_id = ? and event_id > ? and timer_end is not null"
                + " order by event_id")) {
            query.setLong(1, thread);
            query.setLong(2, lastEvent);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    times.add(new long[] {rows.getLong(1), rows.getLong(3), rows.getLong(4)});
                    names.add(rows.getString(2).replaceFirst("^stage/\\w+/", "").toLowerCase(Locale.ROOT));
                }
            }
        }
        long reading = times.stream().mapToLong(t -> t[0]).max().orElse(0);
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            long statement = times.get(i)[0];
            if (statement != reading && statement != lastStatement) {
                stages.add(new Stage(names.get(i), times.get(i)[1], times.get(i)[2]));
            }
        }
        return stages;
    }
}
