package dev.schemagate.data;

import dev.schemagate.model.QualifiedName;

/**
 * One way a database can be inconsistent after a migration, though every statement succeeded:
 * the integrity check reports each the first time it appears.
 *
 * @param kind   what is wrong
 * @param table  the table it concerns
 * @param object the index, constraint or sequence at fault
 * @param detail the figures behind it, such as {@code 3 rows} or {@code next value 4, column holds 20}
 */
public record IntegrityProblem(Kind kind, QualifiedName table, String object, String detail) {

    /** The integrity problems Schemagate looks for. */
    public enum Kind {
        /** An index the database marks invalid, such as the remains of a failed CREATE INDEX CONCURRENTLY. */
        INVALID_INDEX,
        /** Rows whose foreign key values match no referenced row (the constraint is not validated). */
        FOREIGN_KEY_ORPHANS,
        /** A sequence whose next value is already in the column it feeds. */
        SEQUENCE_BEHIND,
        /** A check or foreign key constraint left NOT VALID at the end of the migrations. */
        NOT_VALID_CONSTRAINT,
        /** The database's own consistency check failed: an index out of step with its table, a row breaking a constraint. */
        DAMAGED
    }

    /** A stable identity, so one problem seen after several migrations is reported once. */
    public String key() {
        return kind + " " + table + " " + object;
    }
}
