package dev.schemagate.dialect;

/**
 * The database itself could not be had: the server did not start, the connection was lost, the
 * user may not create databases. Not the migrations' fault; the command exits with code 4.
 */
public class InfrastructureException extends RuntimeException {

    public InfrastructureException(String message) {
        super(message);
    }

    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }
}
