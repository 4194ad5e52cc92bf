package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.EXISTING_TABLE;

/** {@code lint.set-not-null}: SET NOT NULL with no validated check to prove it. */
public final class SetNotNull implements PostgresRule {

    public static final Rule RULE = new Rule("lint.set-not-null", ERROR, false,
            "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, unless a validated CHECK (col IS NOT NULL) proves it.",
            "Add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it in another migration, then SET NOT NULL and drop the check.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.SetNotNull set && !memory.hasNotNullCheck(set.table(), set.column())) {
            out.add(s.suspect(RULE, set.table().name(), "SET NOT NULL on " + set.table().name() + "." + set.column()
                    + " scans the table with no validated CHECK (" + set.column() + " IS NOT NULL) to prove it", EXISTING_TABLE));
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("adding-not-nullable-field", "adding-not-null-field");
    }
}
