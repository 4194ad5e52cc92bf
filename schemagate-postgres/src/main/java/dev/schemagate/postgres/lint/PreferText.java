package dev.schemagate.postgres.lint;

import dev.schemagate.lint.Rule;

import java.util.List;

import static dev.schemagate.check.Severity.WARNING;

/** {@code lint.prefer-text} (opt-in): a varchar(n) column rather than text. */
public final class PreferText extends PreferredColumnType {

    public static final Rule RULE = new Rule("lint.prefer-text", WARNING, true,
            "varchar(n) gains nothing over text in PostgreSQL, and changing the limit later may need a table rewrite.",
            "Use text, with a CHECK (length(col) <= n) if the limit matters.");

    public PreferText() {
        super(RULE, "^(varchar|character varying)\\s*\\(\\s*\\d+\\s*\\)$", "text", List.of("prefer-text-field"));
    }
}
