package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.EXISTING_TABLE;

/** {@code lint.add-foreign-key-without-not-valid}: a foreign key validated as it is added. */
public final class ForeignKeyWithoutNotValid implements PostgresRule {

    public static final Rule RULE = new Rule("lint.add-foreign-key-without-not-valid", ERROR, false,
            "Adding a foreign key scans the whole table while holding locks on both tables.",
            "Add the constraint NOT VALID, then VALIDATE CONSTRAINT in a separate migration (it takes a weaker lock).");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.AddConstraint add && add.kind().equals("FOREIGN KEY") && !add.rest().toUpperCase().contains("NOT VALID")) {
            out.add(s.suspect(RULE, add.table().name(), "adds a foreign key to " + add.table().name()
                    + " without NOT VALID, scanning every row under lock", EXISTING_TABLE));
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("adding-foreign-key-constraint", "constraint-missing-not-valid");
    }
}
