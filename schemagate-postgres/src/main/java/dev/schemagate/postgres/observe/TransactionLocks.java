package dev.schemagate.postgres.observe;

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
 * another mode) the same query returns every lock, read as a new generation.
 */
final class TransactionLocks {

    /**
     * The relation locks this connection's backend holds, as a common table expression named
     * {@code held_locks} ({@code relation}, {@code mode}) for {@link #READ} and {@link CatalogState#CHANGED}
     * to share: {@code pg_locks} copies every lock of the server, about a microsecond each, so a
     * transaction holding thousands of locks has them copied once a reading, not once for each use.
     */
    static final String HELD = "held_locks AS MATERIALIZED (SELECT relation, mode FROM pg_locks"
            + " WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted)";
    /**
     * One round trip whatever the outcome: whether the locks on relations up to the largest oid known
     * are the count and key sum known, and then the locks above it, else every lock, for the reading to
     * start a new generation from; in oid order either way, so that two runs report a statement's locks
     * alike. Sent as a subquery of a caller's own query, in the same round trip ({@link #bind},
     * {@link #take}), which defines {@link #HELD}; the keys are written only for the locks sent. A lock's
     * part of the sum is its relation's oid times 32 plus the length of its mode's name, which tells the
     * eight modes apart.
     */
    static final String READ = "WITH l AS (SELECT relation::bigint AS relation, mode, relation::bigint > ? AS above"
            + " FROM held_locks),"
            + " s AS (SELECT count(*) FILTER (WHERE NOT above) = ? AND coalesce(sum(relation * 32"
            + " + length(mode)) FILTER (WHERE NOT above), 0) = ? AS same FROM l)"
            + " SELECT s.same, CASE WHEN s.same THEN (SELECT array_agg(relation || '|' || mode ORDER BY relation, mode)"
            + " FROM l WHERE above) ELSE (SELECT array_agg(relation || '|' || mode ORDER BY relation, mode) FROM l) END FROM s";

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

    /** Binds the parameters of {@link #READ}, sent within {@code query} from parameter {@code first} on. */
    void bind(PreparedStatement query, int first) throws SQLException {
        query.setLong(first, maxOid);
        // before the first reading nothing is known: a count of -1 matches nothing, so every lock is read
        query.setLong(first + 1, generation > 0 ? count : -1);
        query.setLong(first + 2, sum);
    }

    /** Takes the reading {@link #READ} returned in the current row of {@code rs}, its two columns from {@code first} on. */
    Held take(ResultSet rs, int first) throws SQLException {
        if (!rs.getBoolean(first)) {
            keys = new ArrayList<>();
            known = new HashSet<>();
            maxOid = -1;
            count = 0;
            sum = 0;
            generation++;
        }
        java.sql.Array read = rs.getArray(first + 1);
        if (read != null) {
            for (String key : (String[]) read.getArray()) {
                add(key);
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
        sum += oid * 32 + key.length() - bar - 1;
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
