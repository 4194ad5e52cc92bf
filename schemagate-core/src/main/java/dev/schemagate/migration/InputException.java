package dev.schemagate.migration;

/**
 * The user's input cannot be used: a folder that does not exist, a file that is not UTF-8 text,
 * two migrations with one version. The message is one line that names the file and says what to
 * do; the command exits with code 2.
 */
public class InputException extends RuntimeException {

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
