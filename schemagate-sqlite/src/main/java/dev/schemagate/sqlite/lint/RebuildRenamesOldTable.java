package dev.schemagate.sqlite.lint;

import dev.schemagate.check.Severity;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.Set;

/**
 * {@code lint.sqlite-rebuild-renames-old-table}: a rebuild that renames the old table out of the
 * way while other tables' foreign keys point at it, so they follow it and dangle once it is dropped.
 */
public final class RebuildRenamesOldTable implements SqliteRule {

    public static final Rule RULE = new Rule("lint.sqlite-rebuild-renames-old-table", Severity.ERROR, false,
            "Renaming the old table out of the way also rewrites the foreign keys that point at it (SQLite 3.26 and"
                    + " later), so once the old table is dropped they reference a table that does not exist.",
            "Create the new table under a temporary name, copy the rows, drop the old table, then rename the new one"
                    + " to the old name.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(SqliteFact fact, List<Suspicion> found) {
        if (!(fact instanceof SqliteFact.ScriptEnd end)) {
            return;
        }
        end.renamedAway().forEach((table, away) -> {
            Set<String> still = end.schema().referencing(away.to());
            if (end.schema().tables.contains(table) && !still.isEmpty()) {
                found.add(new Suspicion(RULE, away.statement(), table, null,
                        "renames " + away.fromWritten() + " to " + away.toWritten() + " and creates " + away.fromWritten()
                                + " again, while " + String.join(", ", still) + " reference it: their foreign keys now point at "
                                + away.toWritten(),
                        Suspicion.Need.NONE, false));
            }
        });
    }
}
