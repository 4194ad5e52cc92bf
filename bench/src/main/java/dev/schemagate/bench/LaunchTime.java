package dev.schemagate.bench;

import java.time.Instant;

/**
 * When this JVM was launched, for figures that count from the process start: the wall clock the
 * script read just before starting it ({@code SCHEMAGATE_LAUNCHED_NS}, nanoseconds since the epoch, as
 * {@code date +%s%N} prints them). The operating system's own record of the start is no substitute:
 * Linux gives it in clock ticks after a boot time kept in whole seconds, so it is early by a fraction
 * of a second that differs from boot to boot (0.6 s on one), which every such figure would carry.
 */
public final class LaunchTime {

    static final String VARIABLE = "SCHEMAGATE_LAUNCHED_NS";

    private LaunchTime() {
    }

    /** The launch, as the script recorded it; fails when it did not, rather than print a figure off by up to a second. */
    public static Instant get() {
        String launched = System.getenv(VARIABLE);
        if (launched == null || !launched.matches("\\d{10,}")) {
            throw new IllegalStateException("set " + VARIABLE + "=$(date +%s%N) when starting this JVM");
        }
        long nanos = Long.parseLong(launched);
        return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    }
}
