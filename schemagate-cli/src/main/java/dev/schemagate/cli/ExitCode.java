package dev.schemagate.cli;

/** The exit codes of every command: a contract, documented in the README and tested. */
public final class ExitCode {

    /** Passed, or no difference. */
    public static final int OK = 0;
    /** Findings at or above the failing severity, or differences. */
    public static final int FINDINGS = 1;
    /** The command line or the input cannot be used. */
    public static final int INPUT = 2;
    /** Destructive statements were held back ({@code diff} without {@code --unsafe}). */
    public static final int HELD_BACK = 3;
    /** The database could not be had (did not start, lost connection, missing rights), or an internal error. */
    public static final int INFRASTRUCTURE = 4;

    private ExitCode() {
    }
}
