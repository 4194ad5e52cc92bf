package dev.schemagate.model.dialect;

/**
 * What only MySQL and MariaDB say about a table, in fields of their own rather than a bag of
 * attributes, so that comparing two snapshots compares them as any other field. The
 * {@code AUTO_INCREMENT} counter is left out: it moves with every insert, not with the schema.
 *
 * @param engine      the storage engine: {@code InnoDB}, {@code MyISAM}…
 * @param collation   the table's default collation (its character set follows from it)
 * @param rowFormat   the row format when created with one ({@code ROW_FORMAT=COMPRESSED}), else null
 * @param partitioning the {@code PARTITION BY …} clause, partitions included, or null
 */
public record MysqlTable(String engine, String collation, String rowFormat, String partitioning) implements DialectOwn {
}
