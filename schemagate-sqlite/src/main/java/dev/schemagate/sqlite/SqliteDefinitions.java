package dev.schemagate.sqlite;

import dev.schemagate.model.Constraint;
import dev.schemagate.model.Trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What only the stored {@code CREATE} text tells (SQLite has no pragma for it): a trigger's timing
 * and events, and a table's {@code CHECK} constraints. The text is the statement as written, so it is
 * read with quotes and parentheses in mind rather than compared whole, which would make a table
 * rebuilt with other spacing look different.
 */
final class SqliteDefinitions {

    private static final Pattern TRIGGER = Pattern.compile("(?is)^\\s*CREATE\\s+(?:TEMP(?:ORARY)?\\s+)?TRIGGER\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:\"[^\"]*\"|`[^`]*`|\\[[^]]*]|\\S+)\\s+"
            + "(BEFORE\\s+|AFTER\\s+|INSTEAD\\s+OF\\s+)?(DELETE|INSERT|UPDATE)(?:\\s+OF\\s+(.*?))?\\s+ON\\s");

    private static final Pattern CONSTRAINT_NAME = Pattern.compile("(?is)CONSTRAINT\\s+(\"[^\"]*\"|`[^`]*`|\\[[^]]*]|\\w+)\\s*$");

    private SqliteDefinitions() {
    }

    static Trigger trigger(String name, String sql) {
        Matcher m = TRIGGER.matcher(sql == null ? "" : sql);
        String timing = "BEFORE";
        String event = "";
        List<String> columns = List.of();
        if (m.find()) {
            timing = m.group(1) == null ? "BEFORE" : m.group(1).strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
            event = m.group(2).toUpperCase(Locale.ROOT);
            columns = m.group(3) == null ? List.of() : List.of(m.group(3).strip().split("\\s*,\\s*"));
        }
        return new Trigger(name, timing, List.of(event), columns, true, null, false, normalized(sql), null);
    }

    /** The table's CHECK constraints, named as written or after the table and their order. */
    static List<Constraint> checks(String table, String sql) {
        List<Constraint> checks = new ArrayList<>();
        if (sql == null) {
            return checks;
        }
        String upper = sql.toUpperCase(Locale.ROOT);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int close = sql.indexOf(c, i + 1);
                i = close < 0 ? sql.length() : close + 1;
            } else if (upper.startsWith("CHECK", i) && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                int open = sql.indexOf('(', i);
                int close = open < 0 ? -1 : closing(sql, open);
                if (close < 0) {
                    break;
                }
                String expression = normalized(sql.substring(open + 1, close));
                Matcher named = CONSTRAINT_NAME.matcher(sql.substring(0, i));
                String name = named.find() ? named.group(1) : table + "_check" + (checks.size() + 1);
                checks.add(new Constraint(name, Constraint.Type.CHECK, "CHECK (" + expression + ")", List.of(), null,
                        List.of(), null, null, null, false, false, true, false, null));
                i = close + 1;
            } else {
                i++;
            }
        }
        return checks;
    }

    /** The index of the parenthesis closing the one at {@code open}, or -1. */
    private static int closing(String sql, int open) {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int close = sql.indexOf('\'', i + 1);
                if (close < 0) {
                    return -1;
                }
                i = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Text with runs of blanks made one space, so spacing alone never makes two definitions differ. */
    static String normalized(String sql) {
        return sql == null ? null : sql.strip().replaceAll("\\s+", " ");
    }
}
