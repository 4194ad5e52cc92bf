package dev.schemagate.model;

/**
 * What only SQLite says about a table, kept in fields of their own rather than in a bag of
 * attributes, so that comparing two snapshots compares them as any other field.
 *
 * @param withoutRowid the table was created {@code WITHOUT ROWID}: its primary key is its storage key
 * @param strict       the table was created {@code STRICT}: every value must have the column's type
 */
public record SqliteTable(boolean withoutRowid, boolean strict) {

    /** A plain rowid table, neither {@code WITHOUT ROWID} nor {@code STRICT}. */
    public static final SqliteTable PLAIN = new SqliteTable(false, false);
}
