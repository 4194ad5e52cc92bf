package dev.schemagate.dialect;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long one statement of a run may take, and how long it may wait for a lock, so that a
 * migration that sleeps or waits on itself (a second connection, dblink) ends with a finding
 * instead of hanging the run. Zero turns a limit off.
 *
 * @param statement the longest a statement may run
 * @param lock      the longest a statement may wait for a lock
 */
public record Timeouts(Duration statement, Duration lock) {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|h)?");

    /** Longer than any migration statement should take on a scratch database, short of a hung CI job. */
    public static final String DEFAULT_STATEMENT = "5min";
    /** Nothing else uses a scratch database: a lock wait this long is a statement waiting on its own run. */
    public static final String DEFAULT_LOCK = "1min";
    public static final Timeouts DEFAULT = new Timeouts(parse("--statement-timeout", DEFAULT_STATEMENT),
            parse("--lock-timeout", DEFAULT_LOCK));

    public Timeouts {
        if (statement.isNegative() || lock.isNegative()) {
            throw new IllegalArgumentException("a timeout cannot be negative");
        }
    }

    /**
     * Reads a limit as PostgreSQL writes them: {@code 250ms}, {@code 30s}, {@code 5min}, {@code 1h}, or
     * {@code 0} for none; a bare number is seconds.
     */
    public static Duration parse(String option, String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a duration: write 250ms, 30s, 5min, 1h, or 0 for none");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "min" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
