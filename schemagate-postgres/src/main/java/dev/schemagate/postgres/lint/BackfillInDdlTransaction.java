package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.HELD_LOCK;

/** {@code lint.backfill-in-ddl-transaction}: an UPDATE while the same transaction's DDL locks the table. */
public final class BackfillInDdlTransaction implements PostgresRule {

    public static final Rule RULE = new Rule("lint.backfill-in-ddl-transaction", ERROR, false,
            "An UPDATE after DDL on the same table in one transaction rewrites every row while the DDL's lock, held"
                    + " until commit, blocks every read and write of the table.",
            "Commit the DDL first (its own migration), then backfill in batches in a later one.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.Update update && memory.isLockedByDdl(update.table())) {
            out.add(s.suspect(RULE, update.table().name(), "updates rows of " + update.table().name()
                    + " in the transaction whose DDL still locks it, blocking every read and write until commit", HELD_LOCK));
        }
    }
}
