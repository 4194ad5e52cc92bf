package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.REWRITE;

/** {@code lint.change-column-type}: a column type change, which may rewrite the table. */
public final class ChangeColumnType implements PostgresRule {

    public static final Rule RULE = new Rule("lint.change-column-type", ERROR, false,
            "Changing a column's type usually rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock.",
            "Add a new column, backfill it in batches, switch readers, then drop the old column.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.ChangeType c) {
            out.add(s.suspect(RULE, c.table().name(), "changes the type of " + c.table().name() + "." + c.column() + " to " + c.newType()
                    + (c.oldType() == null ? "" : " (was " + c.oldType() + ")") + ", which may rewrite the table", REWRITE));
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("changing-column-type");
    }
}
