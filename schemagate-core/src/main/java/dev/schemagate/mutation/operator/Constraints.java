package dev.schemagate.mutation.operator;

import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Span;
import dev.schemagate.mutation.SqlMask;
import dev.schemagate.mutation.TableStatement;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The removal of table constraints of one kind (CHECK, UNIQUE, FOREIGN KEY), however they are written. */
final class Constraints {

    private Constraints() {
    }

    /**
     * Proposes removing each table-level element and each {@code ADD} action that starts with
     * {@code keyword} (after an optional {@code CONSTRAINT name}), and each inline occurrence in a
     * column definition that {@code inline} matches.
     */
    static void propose(int index, String sql, String masked, String keyword, Pattern inline, String what, List<Change> changes) {
        Pattern element = Pattern.compile("(?:ADD\\s+)?(?:CONSTRAINT\\s+" + TableStatement.IDENT + "\\s+)?" + keyword,
                Pattern.CASE_INSENSITIVE);
        TableStatement.parse(masked).ifPresent(table -> {
            for (int i = 0; i < table.parts().size(); i++) {
                Span part = table.parts().get(i);
                if (element.matcher(masked).region(part.start(), part.end()).lookingAt() && !table.columns().contains(part)) {
                    changes.add(table.removePart(i, sql, index, what + " dropped: " + oneLine(part.of(sql))));
                }
            }
            for (Span column : table.columns()) {
                Matcher m = inline.matcher(masked).region(column.start(), column.end());
                while (m.find()) {
                    int end = m.end();
                    if (masked.charAt(end - 1) == '(') {
                        end = SqlMask.closing(masked, end - 1) + 1;
                    }
                    changes.add(Change.splice(index, sql, m.start(), end, "", what + " dropped from " + NotNulls.firstWord(sql, column)));
                }
            }
        });
    }

    static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }
}
