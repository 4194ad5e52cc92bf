package dev.schemagate.lint;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the database showed while one statement ran, read before its transaction committed.
 *
 * @param duration        how long the statement took
 * @param locks           the table locks the statement took (not those earlier statements of its transaction already held)
 * @param heldBefore      the locks earlier statements of its transaction held while it ran on tables that existed
 *                        when its migration started (no other session can be waiting on a table created since)
 * @param rewrites        the tables it rewrote (a new relfilenode)
 * @param indexesBuilt    the indexes it built, as {@code index on table}
 * @param rows            the row counts of the tables it locked
 * @param existingTables  the tables that existed when its migration started
 * @param lockTimeoutSet  whether a lock_timeout was in force when it ran
 * @param inTransaction   whether it ran inside a transaction (where DDL is transactional, the locks of a statement run
 *                        outside one are gone before they can be read)
 * @param viewsReading    before it ran, the views that depend on each column ({@code table.column}) it may drop or rename
 * @param facts           what a dialect's observer saw in its own terms (such as how MySQL ran an ALTER), for its own rules
 * @param notes           the evidence lines a dialect's observer wrote about what it saw, printed after the others
 */
public record Observation(Duration duration, List<LockHeld> locks, List<LockHeld> heldBefore, List<String> rewrites, List<String> indexesBuilt,
                          Map<String, Long> rows, Set<String> existingTables, boolean lockTimeoutSet,
                          boolean inTransaction, Map<String, List<String>> viewsReading, Map<String, String> facts,
                          List<String> notes) {

    /** An observation without dialect facts or notes. */
    public Observation(Duration duration, List<LockHeld> locks, List<LockHeld> heldBefore, List<String> rewrites,
                       List<String> indexesBuilt, Map<String, Long> rows, Set<String> existingTables, boolean lockTimeoutSet,
                       boolean inTransaction, Map<String, List<String>> viewsReading) {
        this(duration, locks, heldBefore, rewrites, indexesBuilt, rows, existingTables, lockTimeoutSet, inTransaction,
                viewsReading, Map.of(), List.of());
    }

    public Observation {
        locks = List.copyOf(locks);
        heldBefore = List.copyOf(heldBefore);
        rewrites = List.copyOf(rewrites);
        indexesBuilt = List.copyOf(indexesBuilt);
        rows = Map.copyOf(rows);
        existingTables = Set.copyOf(existingTables);
        viewsReading = Map.copyOf(viewsReading);
        facts = Map.copyOf(facts);
        notes = List.copyOf(notes);
    }

    /** The views that read {@code table.column}, by the database's dependency records. */
    public List<String> viewsReading(String table, String column) {
        return viewsReading.getOrDefault(table + "." + column, List.of());
    }

    /**
     * One lock on a table, with what its dialect's observer knows of it, so that core needs no lock vocabulary.
     *
     * @param table        the locked table
     * @param mode         the mode as the dialect's documentation names it
     * @param strength     its rank among the dialect's modes, the weakest lowest
     * @param blocksWrites whether other sessions' writes to the table wait while it is held
     * @param blocksReads  whether other sessions' reads of the table wait too (the strongest kind of lock)
     */
    public record LockHeld(String table, String mode, int strength, boolean blocksWrites, boolean blocksReads) {
    }

    public boolean existed(String table) {
        return table == null || existingTables.contains(table);
    }

    /** The mode of the lock blocking reads the table was under while the statement ran, taken by it or earlier. */
    public java.util.Optional<String> readsBlockedBy(String table) {
        return java.util.stream.Stream.concat(locks.stream(), heldBefore.stream())
                .filter(l -> l.table().equals(table) && l.blocksReads()).map(LockHeld::mode).findFirst();
    }

    /** True when an earlier statement of the transaction held a lock on the table that blocks writes. */
    public boolean heldBlockingWrites(String table) {
        return heldBefore.stream().anyMatch(l -> l.table().equals(table) && l.blocksWrites());
    }

    public boolean rewrote(String table) {
        return rewrites.contains(table);
    }

    /**
     * The strongest lock this statement took on each table that existed when its migration started
     * (the tables production traffic uses), in the order the tables were first locked.
     */
    public List<LockHeld> strongestOnExistingTables() {
        Map<String, LockHeld> byTable = new LinkedHashMap<>();
        for (LockHeld lock : locks) {
            if (existed(lock.table())) {
                byTable.merge(lock.table(), lock, (a, b) -> b.strength() > a.strength() ? b : a);
            }
        }
        return List.copyOf(byTable.values());
    }

    /** The existing tables this statement held a lock blocking reads on, or {@code table} alone when given. */
    public List<String> strongestLock(String table) {
        return locks.stream().filter(LockHeld::blocksReads)
                .map(LockHeld::table).filter(t -> table == null ? existed(t) : t.equals(table)).distinct().toList();
    }
}
