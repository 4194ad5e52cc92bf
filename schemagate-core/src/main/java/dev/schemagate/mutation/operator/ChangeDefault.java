package dev.schemagate.mutation.operator;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.ColumnTypes;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.Span;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TableStatement;
import dev.schemagate.mutation.TargetScript;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Changes a column's literal default to another value of the same kind. */
public final class ChangeDefault extends StatementOperator {

    private static final Pattern DEFAULT = Pattern.compile("\\bDEFAULT\\s+(-?\\d+(?:\\.\\d+)?|TRUE|FALSE|'_*')(?=\\s|$|,|\\))",
            Pattern.CASE_INSENSITIVE);

    public ChangeDefault() {
        super("schema.change-default", Category.SCHEMA, Severity.WARNING, Direction.UP, "changes a column's default value",
                "drift: an --expected schema file (the default differs)");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        TableStatement.parse(masked).ifPresent(table -> {
            for (Span column : table.columns()) {
                Matcher m = DEFAULT.matcher(masked).region(column.start(), column.end());
                if (!m.find()) {
                    continue;
                }
                String value = sql.substring(m.start(1), m.end(1));
                boolean textual = ColumnTypes.typeOf(masked, column).map(t -> t.of(masked).toLowerCase(java.util.Locale.ROOT))
                        .filter(t -> t.contains("char") || t.contains("text")).isPresent();
                Literals.other(value, textual).ifPresent(other -> changes.add(Change.splice(index, sql, m.start(1), m.end(1), other,
                        "default of " + NotNulls.firstWord(sql, column) + " " + value + " → " + other)));
            }
        });
    }
}
