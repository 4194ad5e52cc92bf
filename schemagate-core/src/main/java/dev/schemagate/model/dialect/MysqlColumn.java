package dev.schemagate.model.dialect;

/**
 * What only MySQL and MariaDB say about a column, beside its type ({@code int(10) unsigned},
 * {@code enum('a','b')}, held in the column's type), default and collation.
 *
 * @param charset         the character set of a text column, else null
 * @param autoIncrement   the column is {@code AUTO_INCREMENT}
 * @param onUpdate        the {@code ON UPDATE} expression ({@code current_timestamp()}), or null
 * @param generatedStored for a generated column, whether it is {@code STORED} (else {@code VIRTUAL});
 *                        false for any other column
 * @param invisible       the column is {@code INVISIBLE}: {@code SELECT *} leaves it out
 */
public record MysqlColumn(String charset, boolean autoIncrement, String onUpdate, boolean generatedStored,
                          boolean invisible) implements DialectOwn {
}
