package dev.schemagate.mutation.operator;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TableStatement;
import dev.schemagate.mutation.TargetScript;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drops a UNIQUE constraint, or makes a unique index a plain one. */
public final class DropUnique extends StatementOperator {

    private static final Pattern INLINE = Pattern.compile("\\s+(?:CONSTRAINT\\s+" + TableStatement.IDENT + "\\s+)?UNIQUE\\b(?!\\s*\\()",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UNIQUE_INDEX = Pattern.compile("^\\s*CREATE\\s+(UNIQUE\\s+)INDEX\\b", Pattern.CASE_INSENSITIVE);

    public DropUnique() {
        super("schema.drop-unique", Category.SCHEMA, Severity.ERROR, Direction.UP, "drops a UNIQUE constraint or index",
                "drift: an --expected schema file (the constraint or index is missing)");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        Constraints.propose(index, sql, masked, "UNIQUE\\b", INLINE, "UNIQUE", changes);
        Matcher index0 = UNIQUE_INDEX.matcher(masked);
        if (index0.find()) {
            changes.add(Change.splice(index, sql, index0.start(1), index0.end(1), "", "unique index made plain"));
        }
    }
}
