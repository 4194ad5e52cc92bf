package dev.schemagate.dialect;

/**
 * What the server said when a statement failed, without the driver's classes.
 *
 * @param sqlState the SQLSTATE code, such as {@code 42P01}
 * @param message  the server's primary message
 * @param detail   the server's detail, or empty
 * @param hint     the server's hint, or empty
 * @param position the 1-based character offset in the statement the error points at, or 0
 */
public record DatabaseError(String sqlState, String message, String detail, String hint, int position) {
}
