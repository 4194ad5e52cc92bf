package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.EXISTING_TABLE;

/** {@code lint.drop-table}: a DROP TABLE of a table that holds rows. */
public final class DropTable implements PostgresRule {

    public static final Rule RULE = new Rule("lint.drop-table", ERROR, false,
            "Dropping a table deletes its rows, and code still deployed that reads it fails.",
            "Stop using the table in a release first; rename it or back it up, then drop it later.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.DropTable drop) {
            out.add(s.suspect(RULE, drop.table().name(), "drops table " + drop.table().name() + " and all its rows", EXISTING_TABLE));
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("ban-drop-table");
    }
}
