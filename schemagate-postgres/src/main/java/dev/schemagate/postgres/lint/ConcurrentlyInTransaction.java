package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.NONE;

/** {@code lint.concurrently-in-transaction}: CONCURRENTLY where the tool opens a transaction. */
public final class ConcurrentlyInTransaction implements PostgresRule {

    public static final Rule RULE = new Rule("lint.concurrently-in-transaction", ERROR, false,
            "CREATE/DROP INDEX CONCURRENTLY cannot run inside a transaction block; the migration tool's transaction makes it fail.",
            "Put the statement alone in its own migration and mark that migration to run outside a transaction.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        String table = fact instanceof Fact.CreateIndex create && create.concurrently() ? create.table().name()
                : fact instanceof Fact.DropIndex drop && drop.concurrently() ? TableName.nameOf(drop.table()) : "";
        if (!"".equals(table) && (memory.explicitTransaction() || s.inTransaction())) {
            out.add(s.suspect(RULE, table, "runs CONCURRENTLY where the migration tool wraps it in a transaction", NONE));
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("ban-concurrent-index-creation-in-transaction");
    }
}
