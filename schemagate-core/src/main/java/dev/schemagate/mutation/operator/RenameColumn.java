package dev.schemagate.mutation.operator;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.Span;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TableStatement;
import dev.schemagate.mutation.TargetScript;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Gives a column another name where it is created or renamed, so code and later migrations miss it. */
public final class RenameColumn extends StatementOperator {

    private static final Pattern NAME = Pattern.compile(TableStatement.IDENT);
    private static final Pattern RENAME = Pattern.compile("RENAME\\s+(?:COLUMN\\s+)?" + TableStatement.IDENT + "\\s+TO\\s+("
            + TableStatement.IDENT + ")", Pattern.CASE_INSENSITIVE);

    public RenameColumn() {
        super("schema.rename-column", Category.SCHEMA, Severity.ERROR, Direction.UP, "gives a column another name",
                "apply: a later migration or view that uses the column; drift: an --expected schema file");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        TableStatement.parse(masked).ifPresent(table -> {
            for (Span column : table.columns()) {
                Matcher m = NAME.matcher(masked).region(column.start(), column.end());
                if (m.lookingAt()) {
                    changes.add(rename(index, sql, m.start(), m.end()));
                }
            }
            for (Span action : table.parts()) {
                Matcher m = RENAME.matcher(masked).region(action.start(), action.end());
                if (m.lookingAt()) {
                    changes.add(rename(index, sql, m.start(1), m.end(1)));
                }
            }
        });
    }

    private static Change rename(int index, String sql, int start, int end) {
        String name = sql.substring(start, end);
        String renamed = name.endsWith("\"") ? name.substring(0, name.length() - 1) + "_renamed\"" : name + "_renamed";
        return Change.splice(index, sql, start, end, renamed, "column " + name + " → " + renamed);
    }
}
