package dev.schemagate.lint;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the database showed while one statement ran, read before its transaction committed.
 *
 * @param duration        how long the statement took
 * @param locks           the table locks the statement took (not those earlier statements of its transaction already held)
 * @param heldBefore      the table locks earlier statements of its transaction held while it ran
 * @param rewrites        the tables it rewrote (a new relfilenode)
 * @param indexesBuilt    the indexes it built, as {@code index on table}
 * @param rows            the row counts of the tables it locked
 * @param existingTables  the tables that existed when its migration started
 * @param lockTimeoutSet  whether a lock_timeout was in force when it ran
 * @param inTransaction   whether it ran inside a transaction (locks of autocommit statements are gone before they can be read)
 */
public record Observation(Duration duration, List<LockHeld> locks, List<LockHeld> heldBefore, List<String> rewrites, List<String> indexesBuilt,
                          Map<String, Long> rows, Set<String> existingTables, boolean lockTimeoutSet,
                          boolean inTransaction) {

    public Observation {
        locks = List.copyOf(locks);
        heldBefore = List.copyOf(heldBefore);
        rewrites = List.copyOf(rewrites);
        indexesBuilt = List.copyOf(indexesBuilt);
        rows = Map.copyOf(rows);
        existingTables = Set.copyOf(existingTables);
    }

    /** One lock on a table: its name and the mode, spelled as in the documentation ({@code ACCESS EXCLUSIVE}). */
    public record LockHeld(String table, String mode) {

        public static final String ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE";
    }

    public boolean existed(String table) {
        return table == null || existingTables.contains(table);
    }

    /** True when the table was under ACCESS EXCLUSIVE while the statement ran, taken by it or earlier. */
    public boolean underAccessExclusive(String table) {
        return !accessExclusive(table).isEmpty() || heldBefore.stream()
                .anyMatch(l -> l.table().equals(table) && l.mode().equals(LockHeld.ACCESS_EXCLUSIVE));
    }

    public boolean rewrote(String table) {
        return rewrites.contains(table);
    }

    /** The existing tables this statement held ACCESS EXCLUSIVE on, or {@code table} alone when given. */
    public List<String> accessExclusive(String table) {
        return locks.stream().filter(l -> l.mode().equals(LockHeld.ACCESS_EXCLUSIVE))
                .map(LockHeld::table).filter(t -> table == null ? existed(t) : t.equals(table)).distinct().toList();
    }
}
