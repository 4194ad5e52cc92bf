package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.regex.Matcher;

import static dev.schemagate.check.Severity.WARNING;
import static dev.schemagate.lint.Suspicion.Need.NONE;

/** {@code lint.drop-without-if-exists} (opt-in): a DROP that cannot be run again once the object is gone. */
public final class DropWithoutIfExists implements PostgresRule {

    public static final Rule RULE = new Rule("lint.drop-without-if-exists", WARNING, true,
            "A DROP without IF EXISTS fails when the object is already gone, so a half-applied migration cannot be re-run.",
            "Write DROP ... IF EXISTS.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.DropColumn drop && !drop.ifExists()) {
            out.add(s.suspect(RULE, drop.table().name(), "DROP COLUMN " + drop.column() + " has no IF EXISTS", NONE));
        } else if (fact instanceof Fact.Whole) {
            Matcher m = s.text().leading("DROP ((?:MATERIALIZED )?\\w+)\\b(?! IF EXISTS)");
            if (m != null && !s.text().startsWith("DROP \\w+ (CONCURRENTLY )?IF EXISTS")
                    && !s.text().startsWith("DROP (OWNED|ROLE|USER)")) {
                out.add(s.suspect(RULE, null, "DROP " + m.group(1).toUpperCase() + " has no IF EXISTS", NONE));
            }
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("prefer-robust-stmts");
    }
}
