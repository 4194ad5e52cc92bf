package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.regex.Matcher;

import static dev.schemagate.check.Severity.WARNING;
import static dev.schemagate.lint.Suspicion.Need.NONE;

/** {@code lint.create-without-if-not-exists} (opt-in): a CREATE that cannot be run again once the object exists. */
public final class CreateWithoutIfNotExists implements PostgresRule {

    public static final Rule RULE = new Rule("lint.create-without-if-not-exists", WARNING, true,
            "A CREATE without IF NOT EXISTS fails when the object is already there, so a half-applied migration cannot be re-run.",
            "Write CREATE ... IF NOT EXISTS.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.AddColumn add && !add.ifNotExists()) {
            out.add(s.suspect(RULE, add.table().name(), "ADD COLUMN has no IF NOT EXISTS", NONE));
        } else if (fact instanceof Fact.Whole) {
            Matcher m = s.text().leading("CREATE (?:UNIQUE )?((?:MATERIALIZED )?(?:TABLE|INDEX|SCHEMA|SEQUENCE|EXTENSION|VIEW))\\b");
            if (m != null && !s.text().contains("^CREATE [\\w ]*?IF NOT EXISTS") && !m.group(1).equalsIgnoreCase("VIEW")) {
                out.add(s.suspect(RULE, null, "CREATE " + m.group(1).toUpperCase() + " has no IF NOT EXISTS", NONE));
            }
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("prefer-robust-stmts");
    }
}
