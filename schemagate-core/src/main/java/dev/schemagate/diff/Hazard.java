package dev.schemagate.diff;

import java.util.Locale;

/**
 * What running a generated statement can do beyond its purpose; every planned statement carries
 * its hazards, written as a comment above it, and {@link #DELETES_DATA} makes it destructive.
 */
public enum Hazard {
    /** Takes the dialect's strongest table lock: reads and writes of the table wait until it commits. */
    BLOCKS_READS_AND_WRITES("blocks reads and writes"),
    /** Rewrites every row of the table (and its indexes). */
    REWRITES_TABLE("rewrites the table"),
    /** Deletes data: a dropped table or column, or values a type change may not keep. */
    DELETES_DATA("deletes data"),
    /** Builds an index, reading the whole table while writes wait. */
    BUILDS_INDEX("builds an index");

    private final String description;

    Hazard(String description) {
        this.description = description;
    }

    /**
     * For people: {@code deletes data}; the lock hazard as {@code takes} and the lock's name,
     * {@code strongestLock}, when the plan's dialect names it (empty when it does not).
     */
    public String description(String strongestLock) {
        return this == BLOCKS_READS_AND_WRITES && !strongestLock.isEmpty() ? "takes " + strongestLock : description;
    }

    /** For machines: {@code deletes_data}; the lock hazard as the lock's name in the same form when the dialect names it. */
    public String key(String strongestLock) {
        String name = this == BLOCKS_READS_AND_WRITES && !strongestLock.isEmpty() ? strongestLock : name();
        return name.toLowerCase(Locale.ROOT).replace(' ', '_');
    }
}
