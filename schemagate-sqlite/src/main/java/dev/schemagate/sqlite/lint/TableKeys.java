package dev.schemagate.sqlite.lint;

import dev.schemagate.lint.SqlText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads key columns from SQL text: an index's column list, a {@code CREATE TABLE}'s PRIMARY KEY and UNIQUE constraints. */
final class TableKeys {

    private static final Pattern TABLE_KEY = Pattern.compile("(?is)^(?:CONSTRAINT\\s+\\S+\\s+)?(?:PRIMARY\\s+KEY|UNIQUE)\\s*(\\(.*)$");
    private static final Pattern COLUMN_KEY = Pattern.compile("(?i)\\bPRIMARY\\s+KEY\\b|\\bUNIQUE\\b");
    private static final Pattern TABLE_CONSTRAINT = Pattern.compile("(?i)^(?:CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|CHECK)\\b");

    private TableKeys() {
    }

    /** The keys a {@code CREATE TABLE} declares, each as its columns. */
    static List<List<String>> of(String createTable) {
        List<List<String>> keys = new ArrayList<>();
        String body = parenthesised(createTable);
        if (body == null) {
            return keys;
        }
        for (String part : SqlText.splitTopLevel(body, ',')) {
            String item = part.strip();
            Matcher key = TABLE_KEY.matcher(item);
            if (key.find()) {
                keys.add(columns(key.group(1)));
            } else if (!TABLE_CONSTRAINT.matcher(item).find() && COLUMN_KEY.matcher(item).find() && !item.isEmpty()) {
                keys.add(List.of(TextSchema.key(item.split("\\s+")[0])));
            }
        }
        return keys;
    }

    /** The columns of the first parenthesised list in the text ({@code (a, b DESC)} is {@code a, b}). */
    static List<String> columns(String text) {
        String list = parenthesised(text);
        List<String> columns = new ArrayList<>();
        if (list == null) {
            return columns;
        }
        for (String part : SqlText.splitTopLevel(list, ',')) {
            String column = part.strip().replaceAll("(?i)\\s+(?:ASC|DESC|COLLATE\\s+\\S+)\\s*$", "").strip();
            columns.add(column.matches("[\\w$\"`\\[\\]]+") ? TextSchema.key(column) : column.toLowerCase(Locale.ROOT));
        }
        return columns;
    }

    /** The text inside the first pair of parentheses (nesting counted), or null. */
    private static String parenthesised(String text) {
        int open = text.indexOf('(');
        if (open < 0) {
            return null;
        }
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return text.substring(open + 1, i);
            }
        }
        return text.substring(open + 1);
    }
}
