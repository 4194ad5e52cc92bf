package dev.schemagate.postgres.lint;

import dev.schemagate.lint.Rule;

import java.util.List;

import static dev.schemagate.check.Severity.WARNING;

/** {@code lint.prefer-timestamptz} (opt-in): a timestamp column without time zone. */
public final class PreferTimestamptz extends PreferredColumnType {

    public static final Rule RULE = new Rule("lint.prefer-timestamptz", WARNING, true,
            "timestamp without time zone loses the zone, and values are read in whatever zone the session has.",
            "Use timestamptz.");

    public PreferTimestamptz() {
        super(RULE, "^timestamp(\\s*\\(\\d+\\))?(\\s+without time zone)?$", "timestamptz", List.of("prefer-timestamptz", "prefer-timestamp-tz"));
    }
}
