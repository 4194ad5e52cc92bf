package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.regex.Pattern;

import static dev.schemagate.check.Severity.WARNING;
import static dev.schemagate.lint.Suspicion.Need.NONE;

/** {@code lint.prefer-timestamptz} (opt-in): a timestamp column without time zone. */
public final class PreferTimestamptz implements PostgresRule {

    public static final Rule RULE = new Rule("lint.prefer-timestamptz", WARNING, true,
            "timestamp without time zone loses the zone, and values are read in whatever zone the session has.",
            "Use timestamptz.");
    private static final Pattern TYPE = Pattern.compile("^timestamp(\\s*\\(\\d+\\))?(\\s+without time zone)?$");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.ColumnType c) {
            String normal = c.type().replaceAll("\\s+", " ").strip();
            if (TYPE.matcher(normal).matches()) {
                out.add(s.suspect(RULE, c.table().name(), "column " + c.table().name() + "." + c.column() + " is " + normal + " rather than timestamptz", NONE));
            }
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("prefer-timestamptz", "prefer-timestamp-tz");
    }
}
