package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.EXISTING_TABLE;
import static dev.schemagate.lint.Suspicion.Need.NONE;

/** {@code lint.reindex-non-concurrently}: REINDEX while writes wait. */
public final class ReindexNonConcurrently implements PostgresRule {

    public static final Rule RULE = new Rule("lint.reindex-non-concurrently", ERROR, false,
            "REINDEX without CONCURRENTLY blocks writes to the table (and reads that use the index) until every index is rebuilt.",
            "Use REINDEX ... CONCURRENTLY, alone in a migration that runs outside a transaction.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.Reindex r && !r.concurrently()) {
            out.add(s.suspect(RULE, TableName.nameOf(r.table()), "REINDEX " + r.kind() + (r.name().isEmpty() ? "" : " " + r.name())
                    + " without CONCURRENTLY blocks writes until the indexes are rebuilt", r.table() == null ? NONE : EXISTING_TABLE));
        }
    }
}
