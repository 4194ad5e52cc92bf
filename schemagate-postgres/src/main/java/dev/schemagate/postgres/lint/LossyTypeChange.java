package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.EXISTING_TABLE;
import static dev.schemagate.lint.Suspicion.Need.REWRITE;

/** {@code lint.lossy-type-change}: a column type change to a type that may not hold every value. */
public final class LossyTypeChange implements PostgresRule {

    public static final Rule RULE = new Rule("lint.lossy-type-change", ERROR, false,
            "A narrower column type (a length limit, a smaller number, a USING cast) can cut or refuse existing values.",
            "Add a new column of the new type, backfill it in batches with checked conversion, switch readers, then drop the old one.");
    private static final java.util.regex.Pattern NARROW_TYPE = java.util.regex.Pattern.compile(
            "^(varchar|character varying|char|character|bpchar|numeric|decimal)\\s*\\(|^(smallint|int2|integer|int4|int|real|float4|date|boolean|bool)$",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.ChangeType c
                && (c.using() || (NARROW_TYPE.matcher(c.newType()).find() && !TypeWidening.widens(c.oldType(), c.newType())))) {
            out.add(s.suspect(RULE, c.table().name(), "changes " + c.table().name() + "." + c.column() + " to " + c.newType()
                    + (c.oldType() == null ? "" : " (was " + c.oldType() + ")") + (c.using() ? " with a USING conversion" : "")
                    + ", which can cut or refuse existing values", c.using() ? EXISTING_TABLE : REWRITE));
        }
    }

    @Override
    public List<String> squawk() {
        return List.of("changing-column-type");
    }
}
