package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.WARNING;
import static dev.schemagate.lint.Suspicion.Need.NONE;

/** {@code lint.transaction-control}: BEGIN, COMMIT or ROLLBACK inside a migration. */
public final class TransactionControl implements PostgresRule {

    public static final Rule RULE = new Rule("lint.transaction-control", WARNING, false,
            "BEGIN, COMMIT or ROLLBACK inside a migration fights the migration tool's own transaction handling.",
            "Remove them and let the tool run the migration in its transaction (or mark it non-transactional).");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.TransactionControl control) {
            out.add(s.suspect(RULE, null, (control.opens() ? "opens" : "ends") + " a transaction inside the migration", NONE));
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("transaction-nesting");
    }
}
