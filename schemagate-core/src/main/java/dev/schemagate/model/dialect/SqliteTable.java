package dev.schemagate.model.dialect;

import dev.schemagate.model.Canonical;

import java.util.List;

/**
 * What only SQLite says about a table, kept in fields of their own rather than in a bag of
 * attributes, so that comparing two snapshots compares them as any other field.
 *
 * @param withoutRowid    the table was created {@code WITHOUT ROWID}: its primary key is its storage key
 * @param strict          the table was created {@code STRICT}: every value must have the column's type
 * @param autoincrement   its {@code INTEGER PRIMARY KEY} is {@code AUTOINCREMENT}: keys are never reused,
 *                        the highest one kept in {@code sqlite_sequence}
 * @param storedGenerated the generated columns that are {@code STORED}, in column order; the table's
 *                        other generated columns are {@code VIRTUAL}
 */
public record SqliteTable(boolean withoutRowid, boolean strict, boolean autoincrement, List<String> storedGenerated) implements DialectOwn {

    /** A plain rowid table, neither {@code WITHOUT ROWID} nor {@code STRICT}, without AUTOINCREMENT or stored columns. */
    public static final SqliteTable PLAIN = new SqliteTable(false, false, false, List.of());

    public SqliteTable {
        storedGenerated = Canonical.kept(storedGenerated);
    }
}
