package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.EXISTING_TABLE;

/** {@code lint.add-unique-constraint}: a UNIQUE or PRIMARY KEY constraint that builds its index in place. */
public final class AddUniqueConstraint implements PostgresRule {

    public static final Rule RULE = new Rule("lint.add-unique-constraint", ERROR, false,
            "Adding a UNIQUE or PRIMARY KEY constraint builds its index while blocking every write and read of the table.",
            "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE USING INDEX.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.AddConstraint add && (add.kind().equals("UNIQUE") || add.kind().equals("PRIMARY KEY"))
                && !add.rest().toUpperCase().contains("USING INDEX")) {
            out.add(s.suspect(RULE, add.table().name(), "adds a " + add.kind() + " constraint to " + add.table().name()
                    + ", building its index in place under lock", EXISTING_TABLE));
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("adding-primary-key-constraint", "adding-serial-primary-key-field", "disallowed-unique-constraint");
    }
}
