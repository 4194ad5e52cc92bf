package dev.schemagate.postgres.lint;

import dev.schemagate.lint.Rule;

import java.util.List;

import static dev.schemagate.check.Severity.WARNING;

/** {@code lint.prefer-identity} (opt-in): a serial column rather than an identity column. */
public final class PreferIdentity extends PreferredColumnType {

    public static final Rule RULE = new Rule("lint.prefer-identity", WARNING, true,
            "serial creates a sequence owned loosely by the column, with surprising permissions and dump behaviour.",
            "Use GENERATED ALWAYS AS IDENTITY (or BY DEFAULT).");

    public PreferIdentity() {
        super(RULE, "^(serial|serial4|bigserial|serial8|smallserial|serial2)$", "an identity column", List.of("prefer-identity"));
    }
}
