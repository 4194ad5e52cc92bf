package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.WARNING;
import static dev.schemagate.lint.Suspicion.Need.EXISTING_TABLE;

/** {@code lint.drop-index-non-concurrently}: an index dropped under the strongest lock. */
public final class DropIndexNonConcurrently implements PostgresRule {

    public static final Rule RULE = new Rule("lint.drop-index-non-concurrently", WARNING, false,
            "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the table, queueing every query behind it.",
            "Use DROP INDEX CONCURRENTLY, alone in a migration that runs outside a transaction.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.DropIndex drop && !drop.concurrently()) {
            out.add(s.suspect(RULE, TableName.nameOf(drop.table()), "drops index " + drop.index() + " without CONCURRENTLY", EXISTING_TABLE));
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("require-concurrent-index-deletion");
    }
}
