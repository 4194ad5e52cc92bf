package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.HELD_LOCK;

/** {@code lint.validate-in-same-transaction}: VALIDATE CONSTRAINT under the lock of its own ADD. */
public final class ValidateInSameTransaction implements PostgresRule {

    public static final Rule RULE = new Rule("lint.validate-in-same-transaction", ERROR, false,
            "VALIDATE CONSTRAINT in the transaction that added the constraint NOT VALID scans the table while the lock"
                    + " of the ADD CONSTRAINT is still held (ACCESS EXCLUSIVE for a CHECK), so NOT VALID protects nothing.",
            "Add the constraint NOT VALID in one migration and VALIDATE it in the next, so the validating scan runs under"
                    + " the weaker SHARE UPDATE EXCLUSIVE lock.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.Validate v && memory.addedNotValidHere(v.table(), v.constraint())) {
            out.add(s.suspect(RULE, v.table().name(), "validates constraint " + v.constraint()
                    + " in the transaction that added it NOT VALID, so the scan runs under the lock the ADD still holds",
                    HELD_LOCK));
        }
    }
}
