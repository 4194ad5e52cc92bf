package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.regex.Pattern;

import static dev.schemagate.lint.Suspicion.Need.NONE;

/**
 * The shape the opt-in type preferences share: a column whose type matches {@code avoided} is
 * reported as that type "rather than" the preferred one; each rule only names its types.
 */
abstract class PreferredColumnType implements PostgresRule {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private final Rule rule;
    private final Pattern avoided;
    private final String preferred;
    private final List<String> squawk;

    PreferredColumnType(Rule rule, String avoided, String preferred, List<String> squawk) {
        this.rule = rule;
        this.avoided = Pattern.compile(avoided);
        this.preferred = preferred;
        this.squawk = squawk;
    }

    @Override
    public Rule rule() {
        return rule;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.ColumnType c) {
            String normal = SPACES.matcher(c.type()).replaceAll(" ").strip();
            if (avoided.matcher(normal).matches()) {
                out.add(s.suspect(rule, c.table().name(), "column " + c.table().name() + "." + c.column() + " is " + normal
                        + " rather than " + preferred, NONE));
            }
        }
    }

    @Override
    public List<String> squawk() {
        return squawk;
    }
}
