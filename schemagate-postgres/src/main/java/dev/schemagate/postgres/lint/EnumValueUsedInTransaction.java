package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.NONE;

/** {@code lint.enum-value-used-in-transaction}: an enum value used before the transaction that added it commits. */
public final class EnumValueUsedInTransaction implements PostgresRule {

    public static final Rule RULE = new Rule("lint.enum-value-used-in-transaction", ERROR, false,
            "A value added with ALTER TYPE ... ADD VALUE cannot be used before its transaction commits.",
            "Add the enum value in one migration and use it in a later one.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.Whole && memory.enumValueAdded(s.text().literals())
                && (s.inTransaction() || memory.explicitTransaction())) {
            out.add(s.suspect(RULE, null, "uses an enum value added earlier in the same transaction", NONE));
        }
    }
}
