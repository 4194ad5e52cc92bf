package dev.schemagate.model.dialect;

/**
 * What only MySQL and MariaDB say about a stored function or procedure. {@code DETERMINISTIC} is the
 * common volatility ({@code IMMUTABLE}), {@code SQL SECURITY DEFINER} the common security definer.
 *
 * @param sqlDataAccess what it declares of the data it touches: {@code CONTAINS SQL}, {@code NO SQL},
 *                      {@code READS SQL DATA} or {@code MODIFIES SQL DATA}
 */
public record MysqlRoutine(String sqlDataAccess) implements DialectOwn {
}
