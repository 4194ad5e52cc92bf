package dev.schemagate.junit5;

import org.opentest4j.AssertionFailedError;

/**
 * An assertion failure whose message itself holds the expected and the actual value, as JUnit's
 * {@code assertEquals} writes them: a build log or a test report shows only the message, not the
 * values an IDE reads from the error.
 */
final class Mismatch {

    private Mismatch() {
    }

    /** {@code what ==> expected: <expected> but was: <actual>}, with the values for IDEs too. */
    static AssertionFailedError of(String what, Object expected, Object actual) {
        return new AssertionFailedError(what + " ==> expected: <" + expected + "> but was: <" + actual + ">", expected, actual);
    }
}
