package dev.schemagate.postgres.observe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The relation locks the connection's backend holds, as {@code oid|mode}, in the order they were
 * first seen, kept from one reading to the next so that a long transaction does not send every lock
 * it holds after each statement.
 *
 * <p>A transaction keeps its relation locks until it ends, and a relation created since the last
 * reading has a larger oid than any relation locked then. So a reading asks the server for the locks
 * on relations above the largest oid known, with the count and key sum of the others: when those
 * match what is known, nothing else changed (no lock is given back before its transaction ends, so
 * the same count means the same locks) and the new locks are the ones returned. Otherwise (the
 * transaction ended, went back to a savepoint, or the statement locked a relation it already knew in
 * another mode) every lock is read again, as a new generation.
 */
final class TransactionLocks {

    private static final String MODES = "ARRAY['AccessShareLock', 'RowShareLock', 'RowExclusiveLock', 'ShareUpdateExclusiveLock',"
            + " 'ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock']";
    private static final String OWN = "FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted";
    private static final String ALL = "SELECT relation::bigint || '|' || mode " + OWN;
    private static final String ABOVE = "SELECT count(*) FILTER (WHERE NOT above), coalesce(sum(k) FILTER (WHERE NOT above), 0),"
            + " array_agg(relation::bigint || '|' || mode ORDER BY relation, mode) FILTER (WHERE above)"
            + " FROM (SELECT relation, mode, relation::bigint > ? AS above,"
            + " relation::bigint * 16 + coalesce(array_position(" + MODES + ", mode::text), 0) AS k " + OWN + ") l";

    private List<String> keys = new ArrayList<>();
    private Set<String> known = new HashSet<>();
    private long maxOid = -1;
    private long count;
    private long sum;
    private int generation;

    /** What a reading found: the locks held, first seen first, and which reading of them this is. */
    record Held(List<String> keys, int generation) {

        /** The first {@code n} keys: the locks held when the reading that counted {@code n} was taken. */
        List<String> first(int n) {
            return keys.subList(0, n);
        }
    }

    /** The locks as last read, without asking the server. */
    Held known() {
        return new Held(keys, generation);
    }

    /** Reads the locks held now: only the new ones when the rest is as last read. */
    Held read(Connection connection) throws SQLException {
        if (generation > 0) {
            try (PreparedStatement query = connection.prepareStatement(ABOVE)) {
                query.setLong(1, maxOid);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == count && rs.getLong(2) == sum) {
                        java.sql.Array added = rs.getArray(3);
                        if (added != null) {
                            for (String key : (String[]) added.getArray()) {
                                add(key);
                            }
                        }
                        return new Held(keys, generation);
                    }
                }
            }
        }
        keys = new ArrayList<>();
        known = new HashSet<>();
        maxOid = -1;
        count = 0;
        sum = 0;
        generation++;
        try (java.sql.Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(ALL)) {
            while (rs.next()) {
                add(rs.getString(1));
            }
        }
        return new Held(keys, generation);
    }

    private void add(String key) {
        if (!known.add(key)) {
            return;
        }
        keys.add(key);
        int bar = key.indexOf('|');
        long oid = Long.parseLong(key.substring(0, bar));
        maxOid = Math.max(maxOid, oid);
        count++;
        sum += oid * 16 + PostgresLocks.strength(mode(key)) + 1;
    }

    /** The oid a key names. */
    static long oid(String key) {
        return Long.parseLong(key.substring(0, key.indexOf('|')));
    }

    /** The mode a key names, as the documentation writes it ({@code ACCESS EXCLUSIVE}). */
    static String mode(String key) {
        return key.substring(key.indexOf('|') + 1).replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase();
    }
}
