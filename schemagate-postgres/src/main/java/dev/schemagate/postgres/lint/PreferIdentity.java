package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.regex.Pattern;

import static dev.schemagate.check.Severity.WARNING;
import static dev.schemagate.lint.Suspicion.Need.NONE;

/** {@code lint.prefer-identity} (opt-in): a serial column rather than an identity column. */
public final class PreferIdentity implements PostgresRule {

    public static final Rule RULE = new Rule("lint.prefer-identity", WARNING, true,
            "serial creates a sequence owned loosely by the column, with surprising permissions and dump behaviour.",
            "Use GENERATED ALWAYS AS IDENTITY (or BY DEFAULT).");
    private static final Pattern TYPE = Pattern.compile("^(serial|serial4|bigserial|serial8|smallserial|serial2)$");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.ColumnType c) {
            String normal = c.type().replaceAll("\\s+", " ").strip();
            if (TYPE.matcher(normal).matches()) {
                out.add(s.suspect(RULE, c.table().name(), "column " + c.table().name() + "." + c.column() + " is " + normal + " rather than an identity column", NONE));
            }
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("prefer-identity");
    }
}
