package dev.schemagate.profile;

import java.util.List;
import java.util.Map;

/**
 * What one statement of a migration cost at each table size of the ladder, and how that cost grows.
 *
 * @param line          where the statement starts in its file
 * @param sql           the statement's text, on one line, shortened
 * @param inTransaction whether it ran inside its migration's transaction (else its locks could not be read)
 * @param time          its wall time at each size (rows per table), in milliseconds
 * @param held          how long the locks it took were held at each size: until its transaction ended
 * @param logBytes      the median write-ahead log bytes it wrote at each size
 * @param pagesRead     the median pages of tables it read at each size (-1: it ran outside a transaction, not known)
 * @param locks         the strongest lock it took on each table that existed before its migration, {@code MODE on table}
 * @param rewrites      the tables it rewrote (their storage was replaced)
 * @param indexes       the indexes it built, {@code index on table}
 * @param fit           how its time grows with the rows
 * @param heldFit       how the time its locks are held grows with the rows
 */
public record StatementProfile(int line, String sql, boolean inTransaction, Map<Integer, Timing> time, Map<Integer, Timing> held,
                               Map<Integer, Long> logBytes, Map<Integer, Long> pagesRead, List<String> locks, List<String> rewrites, List<String> indexes,
                               CostFit fit, CostFit heldFit) {

    public StatementProfile {
        time = Map.copyOf(time);
        held = Map.copyOf(held);
        logBytes = Map.copyOf(logBytes);
        pagesRead = Map.copyOf(pagesRead);
        locks = List.copyOf(locks);
        rewrites = List.copyOf(rewrites);
        indexes = List.copyOf(indexes);
    }

    /** The same profile with another model for the time its locks are held. */
    public StatementProfile withHeldFit(CostFit other) {
        return new StatementProfile(line, sql, inTransaction, time, held, logBytes, pagesRead, locks, rewrites, indexes, fit, other);
    }

    /** What the statement does, in a few words: {@code rewrites orders}, {@code builds index i on orders}. */
    public String action() {
        if (!rewrites.isEmpty()) {
            return "rewrites " + String.join(", ", rewrites);
        }
        if (!indexes.isEmpty()) {
            return "builds index " + String.join(", ", indexes);
        }
        return sql.length() > 60 ? sql.substring(0, 57) + "..." : sql;
    }
}
