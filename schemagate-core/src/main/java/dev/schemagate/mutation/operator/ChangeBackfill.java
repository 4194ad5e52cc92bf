package dev.schemagate.mutation.operator;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.SqlMask;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TableStatement;
import dev.schemagate.mutation.TargetScript;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Changes the value an {@code UPDATE} writes into a column (a backfill) to another one. */
public final class ChangeBackfill extends StatementOperator {

    private static final Pattern UPDATE = Pattern.compile("^\\s*UPDATE\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SET = Pattern.compile("\\bSET\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern END = Pattern.compile("\\b(?:WHERE|FROM|RETURNING)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ASSIGNMENT = Pattern.compile("(" + TableStatement.IDENT + ")\\s*=\\s*(-?\\d+(?:\\.\\d+)?|TRUE|FALSE|'_*')\\s*$",
            Pattern.CASE_INSENSITIVE);

    public ChangeBackfill() {
        super("data.change-backfill", Category.DATA, Severity.ERROR, Direction.UP, "changes a value an UPDATE backfills",
                "data: a data test that checks the backfilled values (the schema stays the same)");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        if (!UPDATE.matcher(masked).find()) {
            return;
        }
        int set = SqlMask.topLevel(masked, SET, 0);
        if (set < 0) {
            return;
        }
        int end = SqlMask.topLevel(masked, END, set);
        end = end < 0 ? masked.length() : end;
        int start = set + 3;
        for (int i = start; i <= end; i++) {
            if (i == end || masked.charAt(i) == ',' && depth(masked, start, i) == 0) {
                Matcher m = ASSIGNMENT.matcher(masked).region(start, i);
                while (m.regionStart() < i && Character.isWhitespace(masked.charAt(m.regionStart()))) {
                    m.region(m.regionStart() + 1, i);
                }
                if (m.lookingAt()) {
                    String value = sql.substring(m.start(2), m.end(2));
                    String column = m.group(1);
                    Literals.other(value, true).ifPresent(other -> changes.add(Change.splice(index, sql, m.start(2), m.end(2), other,
                            "backfill of " + column + " " + value + " → " + other)));
                }
                start = i + 1;
            }
        }
    }

    private static int depth(String masked, int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            depth += masked.charAt(i) == '(' ? 1 : masked.charAt(i) == ')' ? -1 : 0;
        }
        return depth;
    }
}
