package dev.schemagate.mutation;

import java.util.Locale;

/** The kind of mistake an operator makes, so a report can say which kind the gate misses. */
public enum Category {
    SCHEMA, DATA, ROLLBACK, LOCKING;

    /** The id users read and write: {@code schema}, {@code data}, {@code rollback}, {@code locking}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the category covers, for people. */
    public String title() {
        return switch (this) {
            case SCHEMA -> "schema";
            case DATA -> "data";
            case ROLLBACK -> "rollback";
            case LOCKING -> "performance and locking";
        };
    }
}
