package dev.schemagate.model.dialect;

import dev.schemagate.model.ColumnReference;

/**
 * What only PostgreSQL says about a stand-alone sequence (MariaDB's sequences belong to no column).
 * A sequence of another dialect, and one no column owns, has {@link #DEFAULTS}.
 *
 * @param ownedBy the column it is {@code OWNED BY}, dropped with it, or null
 */
public record PostgresSequence(ColumnReference ownedBy) implements DialectOwn {

    /** Owned by no column. */
    public static final PostgresSequence DEFAULTS = new PostgresSequence(null);

    /** Null (a sequence of another dialect, or a file that leaves the component out) means the defaults. */
    public static PostgresSequence orDefaults(PostgresSequence sequence) {
        return sequence == null ? DEFAULTS : sequence;
    }
}
