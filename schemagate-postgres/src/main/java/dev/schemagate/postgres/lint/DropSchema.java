package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.NONE;

/** {@code lint.drop-schema}: a DROP SCHEMA, which takes every table in it. */
public final class DropSchema implements PostgresRule {

    public static final Rule RULE = new Rule("lint.drop-schema", ERROR, false,
            "Dropping a schema deletes every table and row in it.",
            "Keep the schema until nothing uses it, back up its data, then drop it in a migration of its own.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.DropSchema drop) {
            out.add(s.suspect(RULE, null, "drops schema " + drop.schemas().strip() + " and everything in it", NONE));
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("ban-drop-schema");
    }
}
