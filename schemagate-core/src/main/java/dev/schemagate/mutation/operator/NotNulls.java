package dev.schemagate.mutation.operator;

import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Span;
import dev.schemagate.mutation.TableStatement;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code NOT NULL} removals that {@link DropNotNull} and {@link ForgetNotNull} share. */
final class NotNulls {

    private static final Pattern NOT_NULL = Pattern.compile("\\s+NOT\\s+NULL\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SET_NOT_NULL = Pattern.compile("ALTER\\s+(?:COLUMN\\s+)?(" + TableStatement.IDENT
            + ")\\s+SET\\s+NOT\\s+NULL\\s*$", Pattern.CASE_INSENSITIVE);

    private NotNulls() {
    }

    static void propose(int index, String sql, String masked, List<Change> changes) {
        TableStatement.parse(masked).ifPresent(table -> {
            for (Span column : table.columns()) {
                Matcher m = NOT_NULL.matcher(masked).region(column.start(), column.end());
                if (m.find()) {
                    changes.add(Change.splice(index, sql, m.start(), m.end(), "", "NOT NULL dropped from " + firstWord(sql, column)));
                }
            }
            for (int i = 0; i < table.parts().size(); i++) {
                Span action = table.parts().get(i);
                Matcher set = SET_NOT_NULL.matcher(masked).region(action.start(), action.end());
                if (set.lookingAt()) {
                    changes.add(table.removePart(i, sql, index, "SET NOT NULL of " + set.group(1) + " dropped"));
                }
            }
        });
    }

    static String firstWord(String sql, Span span) {
        String text = span.of(sql).trim();
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }
}
