package dev.schemagate.postgres.observe;

import dev.schemagate.lint.Observation;

import java.util.List;

/**
 * PostgreSQL's table lock modes, weakest to strongest as the documentation lists them, and what
 * each blocks: the observer hands core these facts with each lock, so core needs no lock names.
 */
public final class PostgresLocks {

    /** The strongest mode, which blocks reads too. */
    public static final String ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE";
    /** The mode an index build takes: it blocks writes, and two builds may hold it at once. */
    public static final String SHARE = "SHARE";

    private static final List<String> STRENGTH = List.of("ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE",
            SHARE, "SHARE ROW EXCLUSIVE", "EXCLUSIVE", ACCESS_EXCLUSIVE);

    private PostgresLocks() {
    }

    /** A lock in {@code mode} ({@code ACCESS EXCLUSIVE}) on {@code table}, with what the mode blocks. */
    public static Observation.LockHeld on(String table, String mode) {
        return new Observation.LockHeld(table, mode, strength(mode), blocksWrites(mode), mode.equals(ACCESS_EXCLUSIVE));
    }

    /** Whether a lock in this mode blocks writes to its table (SHARE or stronger). */
    public static boolean blocksWrites(String mode) {
        return strength(mode) >= strength(SHARE);
    }

    /** The mode's rank, the weakest 0; -1 for a mode PostgreSQL does not name. */
    public static int strength(String mode) {
        return STRENGTH.indexOf(mode);
    }
}
