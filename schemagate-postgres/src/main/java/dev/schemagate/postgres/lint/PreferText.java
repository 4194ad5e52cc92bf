package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.regex.Pattern;

import static dev.schemagate.check.Severity.WARNING;
import static dev.schemagate.lint.Suspicion.Need.NONE;

/** {@code lint.prefer-text} (opt-in): a varchar(n) column rather than text. */
public final class PreferText implements PostgresRule {

    public static final Rule RULE = new Rule("lint.prefer-text", WARNING, true,
            "varchar(n) gains nothing over text in PostgreSQL, and changing the limit later may need a table rewrite.",
            "Use text, with a CHECK (length(col) <= n) if the limit matters.");
    private static final Pattern TYPE = Pattern.compile("^(varchar|character varying)\\s*\\(\\s*\\d+\\s*\\)$");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.ColumnType c) {
            String normal = c.type().replaceAll("\\s+", " ").strip();
            if (TYPE.matcher(normal).matches()) {
                out.add(s.suspect(RULE, c.table().name(), "column " + c.table().name() + "." + c.column() + " is " + normal + " rather than text", NONE));
            }
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("prefer-text-field");
    }
}
