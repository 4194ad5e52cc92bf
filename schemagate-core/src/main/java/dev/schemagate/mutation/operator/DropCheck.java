package dev.schemagate.mutation.operator;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TableStatement;
import dev.schemagate.mutation.TargetScript;

import java.util.List;
import java.util.regex.Pattern;

/** Drops a CHECK constraint: a table's, a column's, or one an {@code ALTER TABLE} adds. */
public final class DropCheck extends StatementOperator {

    private static final Pattern INLINE = Pattern.compile("\\s+(?:CONSTRAINT\\s+" + TableStatement.IDENT + "\\s+)?CHECK\\s*\\(",
            Pattern.CASE_INSENSITIVE);

    public DropCheck() {
        super("schema.drop-check", Category.SCHEMA, Severity.ERROR, Direction.UP, "drops a CHECK constraint",
                "drift: an --expected schema file (the constraint is missing)");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        Constraints.propose(index, sql, masked, "CHECK\\b", INLINE, "CHECK", changes);
    }
}
