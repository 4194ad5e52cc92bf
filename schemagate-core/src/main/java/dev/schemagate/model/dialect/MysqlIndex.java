package dev.schemagate.model.dialect;

/**
 * What only MySQL and MariaDB say about an index, beside its method ({@code fulltext},
 * {@code spatial}) and key prefixes ({@code name(10)}), which the common index holds.
 *
 * @param invisible the index is {@code INVISIBLE} (MariaDB: {@code IGNORED}): kept up to date, but the
 *                  optimizer does not use it
 */
public record MysqlIndex(boolean invisible) implements DialectOwn {
}
