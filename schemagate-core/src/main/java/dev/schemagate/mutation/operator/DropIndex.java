package dev.schemagate.mutation.operator;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TargetScript;

import java.util.List;
import java.util.regex.Pattern;

/** Leaves out an index the up script creates. */
public final class DropIndex extends StatementOperator {

    static final Pattern CREATE_INDEX = Pattern.compile("^\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\b", Pattern.CASE_INSENSITIVE);

    public DropIndex() {
        super("schema.drop-index", Category.SCHEMA, Severity.WARNING, Direction.UP, "leaves out an index",
                "drift: an --expected schema file (the index is missing)");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        if (CREATE_INDEX.matcher(masked).find()) {
            changes.add(Change.removal(index, "index left out: " + Constraints.oneLine(sql)));
        }
    }
}
