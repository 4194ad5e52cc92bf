package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.EXISTING_TABLE;

/** {@code lint.rename-column}: a column renamed under code still deployed. */
public final class RenameColumn implements PostgresRule {

    public static final Rule RULE = new Rule("lint.rename-column", ERROR, false,
            "Code still deployed uses the old column name and fails as soon as the rename commits.",
            "Add the new column, write both, backfill, move readers over in a release, then drop the old column.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.RenameColumn r) {
            out.add(s.suspect(RULE, r.table().name(), "renames column " + r.table().name() + "." + r.column() + " to " + r.newName(),
                    EXISTING_TABLE));
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("renaming-column");
    }
}
