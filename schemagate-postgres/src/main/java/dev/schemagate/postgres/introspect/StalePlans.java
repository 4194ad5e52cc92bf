package dev.schemagate.postgres.introspect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Makes a connection plan its statements again once its schema has doubled since they were planned.
 * The catalog queries are prepared on the server and their plans kept for the connection's life, so
 * a plan made when the schema held a few relations stays a plan for a few rows as the catalogs grow:
 * a scratch database is younger than autovacuum's first visit, whose analysis would have invalidated
 * it. Along a history of 2,000 migrations, a cycle's scoped reads grew from 1.7 to 2.7 ms
 * each that way, and took 1.5 ms on a fresh connection. {@code DISCARD PLANS} drops the plans, not the
 * prepared statements, and may run inside the cycle's transaction; doubling keeps it to a few times a run.
 * Planning every statement again costs tens of milliseconds, so a small schema keeps its first plans.
 */
final class StalePlans {

    /**
     * Below this many relations the plans are kept: on hydra's history, discarding them from 16 relations
     * on added 90 ms of planning to its first 200 migrations, and the run was no faster for it.
     */
    private static final long FLOOR = 64;

    /** The number of relations each connection last planned for. */
    private final Map<Connection, Long> plannedFor = new WeakHashMap<>();

    /** Notes that {@code connection} sees {@code relations} relations, and discards its plans when they have doubled. */
    synchronized void seen(Connection connection, long relations) throws SQLException {
        Long planned = plannedFor.get(connection);
        if (planned == null) {
            plannedFor.put(connection, relations);
        } else if (relations >= FLOOR && relations >= 2 * planned) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DISCARD PLANS");
            }
            plannedFor.put(connection, relations);
        }
    }
}
