package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.EXISTING_TABLE;

/** {@code lint.add-index-non-concurrently}: an index built while writes wait. */
public final class AddIndexNonConcurrently implements PostgresRule {

    public static final Rule RULE = new Rule("lint.add-index-non-concurrently", ERROR, false,
            "CREATE INDEX without CONCURRENTLY blocks every write to the table until the index is built.",
            "Use CREATE INDEX CONCURRENTLY, alone in a migration that runs outside a transaction.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.CreateIndex create && !create.concurrently()) {
            out.add(s.suspect(RULE, create.table().name(), "creates an index on " + create.table().name()
                    + " without CONCURRENTLY, blocking writes while it builds", EXISTING_TABLE));
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("require-concurrent-index-creation");
    }
}
