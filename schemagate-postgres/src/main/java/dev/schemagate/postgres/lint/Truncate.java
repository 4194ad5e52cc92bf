package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.EXISTING_TABLE;

/** {@code lint.truncate}: a TRUNCATE of a table that holds rows. */
public final class Truncate implements PostgresRule {

    public static final Rule RULE = new Rule("lint.truncate", ERROR, false,
            "TRUNCATE deletes every row of the table under an ACCESS EXCLUSIVE lock.",
            "Delete in small batches in a data job, or keep the rows.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.Truncate truncate) {
            out.add(s.suspect(RULE, truncate.table().name(), "truncates table " + truncate.table().name() + ", deleting every row",
                    EXISTING_TABLE));
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("ban-truncate-cascade");
    }
}
