package dev.schemagate.data;

/**
 * A statement the server refused, as it described why: what a data probe reads to tell whether
 * sample values, rather than the statement, were the cause.
 *
 * @param sql      the statement's text
 * @param sqlState the SQLSTATE code, such as {@code 22P02}
 * @param message  the server's primary message
 * @param detail   the server's detail, or empty
 */
public record FailedStatement(String sql, String sqlState, String message, String detail) {

    /** A data exception (SQLSTATE class 22): a value the statement could not take, such as text a cast refused. */
    public boolean dataException() {
        return sqlState.startsWith("22");
    }
}
