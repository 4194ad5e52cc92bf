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

/** Forgets to restore a column's default in the down script. */
public final class ForgetDefault extends StatementOperator {

    private static final Pattern DEFAULT = Pattern.compile("\\s+DEFAULT\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern DEFAULT_END = Pattern.compile(
            "\\s+(?:NOT|NULL|CONSTRAINT|REFERENCES|CHECK|UNIQUE|PRIMARY|COLLATE|GENERATED)\\b|$", Pattern.CASE_INSENSITIVE);

    public ForgetDefault() {
        super("rollback.forget-default", Category.ROLLBACK, Severity.WARNING, Direction.DOWN, "forgets to restore a default",
                "reversibility: down must restore the column's default");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        TableStatement.parse(masked).ifPresent(table -> {
            for (Span column : table.columns()) {
                Matcher m = DEFAULT.matcher(masked).region(column.start(), column.end());
                if (m.find()) {
                    Matcher end = DEFAULT_END.matcher(masked).region(m.end(), column.end());
                    int stop = end.find() ? end.start() : column.end();
                    changes.add(Change.splice(index, sql, m.start(), stop, "", "default of " + NotNulls.firstWord(sql, column) + " not restored"));
                }
            }
            for (int i = 0; i < table.parts().size() && !table.create(); i++) {
                Span action = table.parts().get(i);
                Matcher set = RollbackSteps.SET_DEFAULT.matcher(masked).region(action.start(), action.end());
                if (set.lookingAt()) {
                    changes.add(table.removePart(i, sql, index, "default of " + set.group(1) + " not restored"));
                }
            }
        });
    }
}
