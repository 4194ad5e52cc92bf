package dev.schemagate.mutation.operator;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.SqlMask;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TargetScript;

import java.util.List;
import java.util.regex.Pattern;

/** Removes the {@code WHERE} of an {@code UPDATE} or {@code DELETE}: every row is hit. */
public final class RemoveWhere extends StatementOperator {

    private static final Pattern WRITE = Pattern.compile("^\\s*(?:UPDATE|DELETE)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHERE = Pattern.compile("\\bWHERE\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RETURNING = Pattern.compile("\\bRETURNING\\b", Pattern.CASE_INSENSITIVE);

    public RemoveWhere() {
        super("data.remove-where", Category.DATA, Severity.ERROR, Direction.UP, "removes the WHERE of an UPDATE or DELETE",
                "data: rows the statement should have left alone are changed or lost");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        if (!WRITE.matcher(masked).find()) {
            return;
        }
        int where = SqlMask.topLevel(masked, WHERE, 0);
        if (where < 0) {
            return;
        }
        int returning = SqlMask.topLevel(masked, RETURNING, where);
        int end = returning < 0 ? sql.length() : returning;
        changes.add(Change.splice(index, sql, where, end, returning < 0 ? "" : " ", "WHERE removed: " + Constraints.oneLine(sql.substring(where, end))));
    }
}
