package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.EXISTING_TABLE;

/** {@code lint.add-not-null-column-without-default}: a required column added without a default. */
public final class AddRequiredColumn implements PostgresRule {

    public static final Rule RULE = new Rule("lint.add-not-null-column-without-default", ERROR, false,
            "A NOT NULL column without a default fails on a table with rows, and inserts from code still deployed fail.",
            "Add the column nullable or with a constant default; backfill; then add a NOT VALID check, validate it, and SET NOT NULL.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.AddColumn add && add.column().isPresent()) {
            ColumnDefinition column = add.column().get();
            if (column.has("\\bNOT\\s+NULL\\b|\\bPRIMARY\\s+KEY\\b") && column.defaultValue().isEmpty()
                    && !column.has("\\bGENERATED\\b") && !column.type().contains("serial")) {
                out.add(s.suspect(RULE, add.table().name(), "adds NOT NULL column " + add.table().name() + "." + column.name()
                        + " without a default", EXISTING_TABLE));
            }
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("adding-required-field");
    }
}
