package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.EXISTING_TABLE;

/** {@code lint.drop-column}: a column dropped from a table that holds rows. */
public final class DropColumn implements PostgresRule {

    public static final Rule RULE = new Rule("lint.drop-column", ERROR, false,
            "Dropping a column deletes its values, and code still deployed that reads or writes it fails.",
            "Stop reading and writing the column in a release first, then drop it in a later migration.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.DropColumn drop) {
            out.add(s.suspect(RULE, drop.table().name(), "drops column " + drop.table().name() + "." + drop.column() + " and its values",
                    EXISTING_TABLE));
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("ban-drop-column");
    }
}
