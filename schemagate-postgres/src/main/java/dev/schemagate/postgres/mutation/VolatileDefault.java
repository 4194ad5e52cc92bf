package dev.schemagate.postgres.mutation;

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

/**
 * Makes the default of a column added to an existing table volatile (the same value, computed by an
 * expression the server cannot evaluate once): the table is rewritten under an exclusive lock.
 */
public final class VolatileDefault extends StatementOperator {

    private static final Pattern DEFAULT = Pattern.compile("\\s+DEFAULT\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern DEFAULT_END = Pattern.compile(
            "\\s+(?:NOT|NULL|CONSTRAINT|REFERENCES|CHECK|UNIQUE|PRIMARY|COLLATE|GENERATED)\\b|$", Pattern.CASE_INSENSITIVE);

    public VolatileDefault() {
        super("locking.volatile-default", Category.LOCKING, Severity.WARNING, Direction.UP, "makes an added column's default volatile",
                "lint: adding the column rewrites the table");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        TableStatement.parse(masked).filter(t -> !t.create()).ifPresent(table -> {
            for (Span column : table.columns()) {
                Matcher m = DEFAULT.matcher(masked).region(column.start(), column.end());
                if (m.find()) {
                    Matcher end = DEFAULT_END.matcher(masked).region(m.end(), column.end());
                    int stop = end.find() ? end.start() : column.end();
                    String value = sql.substring(m.end(), stop);
                    changes.add(Change.splice(index, sql, m.end(), stop, "(CASE WHEN random() < 2 THEN " + value + " END)",
                            "default of " + first(sql, column) + " made volatile"));
                }
            }
        });
    }

    static String first(String sql, Span span) {
        String text = span.of(sql).trim();
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }
}
