package dev.schemagate.diff;

/**
 * What running a generated statement can do beyond its purpose; every planned statement carries
 * its hazards, written as a comment above it, and {@link #DELETES_DATA} makes it destructive.
 */
public enum Hazard {
    /** Takes an ACCESS EXCLUSIVE lock: reads and writes of the table wait until it commits. */
    ACCESS_EXCLUSIVE("takes ACCESS EXCLUSIVE"),
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

    /** For people: {@code takes ACCESS EXCLUSIVE}. */
    public String description() {
        return description;
    }
}
