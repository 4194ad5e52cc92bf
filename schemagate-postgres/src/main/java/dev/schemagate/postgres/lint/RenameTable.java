package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.EXISTING_TABLE;

/** {@code lint.rename-table}: a table renamed under code still deployed. */
public final class RenameTable implements PostgresRule {

    public static final Rule RULE = new Rule("lint.rename-table", ERROR, false,
            "Code still deployed uses the old table name and fails as soon as the rename commits.",
            "Create the new table (or a view under the new name), move code over in a release, then drop the old name.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.RenameTable r) {
            out.add(s.suspect(RULE, r.table().name(), "renames table " + r.table().name() + " to " + r.newName(), EXISTING_TABLE));
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("renaming-table");
    }
}
