package dev.schemagate.model.dialect;

/**
 * What only MySQL and MariaDB say about a view. The algorithm ({@code MERGE}, {@code TEMPTABLE}) is
 * left out, as the server does not keep it where a snapshot reads.
 *
 * @param checkOption     {@code local} or {@code cascaded} for a view {@code WITH CHECK OPTION}, else null
 * @param securityInvoker {@code SQL SECURITY INVOKER}: the view runs with its caller's rights, not its definer's
 */
public record MysqlView(String checkOption, boolean securityInvoker) implements DialectOwn {
}
