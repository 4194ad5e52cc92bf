package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.EXISTING_TABLE;

/** {@code lint.add-check-without-not-valid}: a CHECK constraint validated as it is added. */
public final class CheckWithoutNotValid implements PostgresRule {

    public static final Rule RULE = new Rule("lint.add-check-without-not-valid", ERROR, false,
            "Adding a CHECK constraint scans the whole table under an ACCESS EXCLUSIVE lock.",
            "Add the constraint NOT VALID, then VALIDATE CONSTRAINT in a separate migration (it takes a weaker lock).");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.AddConstraint add && add.kind().equals("CHECK") && !add.rest().toUpperCase().contains("NOT VALID")) {
            out.add(s.suspect(RULE, add.table().name(), "adds a CHECK constraint to " + add.table().name()
                    + " without NOT VALID, scanning every row under lock", EXISTING_TABLE));
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("constraint-missing-not-valid");
    }
}
