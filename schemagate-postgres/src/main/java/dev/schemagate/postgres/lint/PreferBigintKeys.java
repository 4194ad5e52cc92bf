package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.regex.Pattern;

import static dev.schemagate.check.Severity.WARNING;
import static dev.schemagate.lint.Suspicion.Need.NONE;

/** {@code lint.prefer-bigint-keys} (opt-in): a key column of a 32-bit or smaller integer type. */
public final class PreferBigintKeys implements PostgresRule {

    public static final Rule RULE = new Rule("lint.prefer-bigint-keys", WARNING, true,
            "A 32-bit key runs out at 2,147,483,647 and changing it later rewrites the table and every referencing one.",
            "Use bigint (or bigint identity) for keys.");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TYPE = Pattern.compile("^(int|integer|int4|int2|smallint|serial|serial4|smallserial|serial2)$");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.ColumnType c) {
            String normal = SPACES.matcher(c.type()).replaceAll(" ").strip();
            if (c.key() && TYPE.matcher(normal).matches()) {
                out.add(s.suspect(RULE, c.table().name(), "key column " + c.table().name() + "." + c.column() + " is " + normal + ", a 32-bit or smaller integer", NONE));
            }
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("prefer-big-int", "prefer-bigint-over-int", "prefer-bigint-over-smallint");
    }
}
