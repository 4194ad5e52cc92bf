package dev.schemagate.sqlite;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a table's stored {@code CREATE TABLE} text says that no pragma does: each column's
 * {@code COLLATE} and {@code GENERATED ALWAYS AS (…)} expression, and whether its primary key is
 * {@code AUTOINCREMENT}. Read by tokens, one column definition at a time, so a {@code COLLATE} or
 * {@code AS} inside a {@code CHECK} or a default's parentheses is not taken for the column's own.
 *
 * @param columns       by column name in lower case (SQLite's names are case-insensitive)
 * @param autoincrement the table's primary key is {@code AUTOINCREMENT}
 */
record SqliteTableText(Map<String, ColumnText> columns, boolean autoincrement) {

    /** The words that begin a table constraint rather than a column definition. */
    private static final Set<String> CONSTRAINT_WORDS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

    /**
     * One column's attributes from its definition.
     *
     * @param collation the collating sequence in upper case, or null for the default ({@code BINARY})
     * @param generated the expression of a generated column, keywords and unquoted names in lower case and blanks made single, or null
     */
    record ColumnText(String collation, String generated) {

        static final ColumnText NONE = new ColumnText(null, null);
    }

    SqliteTableText {
        columns = Map.copyOf(columns);
    }

    /** The column's attributes; none for a column the text does not define. */
    ColumnText column(String name) {
        return columns.getOrDefault(name.toLowerCase(Locale.ROOT), ColumnText.NONE);
    }

    static SqliteTableText of(String createTable) {
        Map<String, ColumnText> columns = new HashMap<>();
        boolean autoincrement = false;
        if (createTable == null) {
            return new SqliteTableText(columns, false);
        }
        List<SqliteTokens.Token> tokens = SqliteTokens.of(createTable);
        int open = 0;
        while (open < tokens.size() && !tokens.get(open).isSymbol('(')) {
            open++;
        }
        int depth = 0;
        int itemStart = open + 1;
        for (int i = open; i < tokens.size(); i++) {
            SqliteTokens.Token token = tokens.get(i);
            autoincrement |= token.is("AUTOINCREMENT");
            if (token.isSymbol('(')) {
                depth++;
            } else if (token.isSymbol(')')) {
                depth--;
            }
            boolean itemEnds = depth == 1 && token.isSymbol(',') || depth == 0;
            if (itemEnds) {
                column(tokens.subList(itemStart, i), columns);
                itemStart = i + 1;
                if (depth == 0) {
                    break;
                }
            }
        }
        return new SqliteTableText(columns, autoincrement);
    }

    /** Reads one item of the table's list, if it defines a column. */
    private static void column(List<SqliteTokens.Token> item, Map<String, ColumnText> columns) {
        if (item.isEmpty() || item.get(0).kind() == SqliteTokens.Kind.WORD
                && CONSTRAINT_WORDS.contains(item.get(0).text().toUpperCase(Locale.ROOT))) {
            return;
        }
        String collation = null;
        String generated = null;
        int depth = 0;
        for (int i = 1; i < item.size(); i++) {
            SqliteTokens.Token token = item.get(i);
            if (token.isSymbol('(')) {
                depth++;
            } else if (token.isSymbol(')')) {
                depth--;
            } else if (depth == 0 && token.is("COLLATE") && i + 1 < item.size()) {
                String name = item.get(i + 1).name().toUpperCase(Locale.ROOT);
                collation = name.equals("BINARY") ? null : name;
            } else if (depth == 0 && token.is("AS") && i + 1 < item.size() && item.get(i + 1).isSymbol('(')) {
                int close = closing(item, i + 1);
                if (close > 0) {
                    generated = canonical(item.subList(i + 2, close));
                }
            }
        }
        columns.put(item.get(0).name().toLowerCase(Locale.ROOT), new ColumnText(collation, generated));
    }

    /**
     * An expression as SQLite reads it, whatever its writer's habits: keywords and unquoted names
     * (which SQLite reads case-insensitively) in lower case, any blanks or comments between two
     * tokens one space; strings and quoted names as written.
     */
    private static String canonical(List<SqliteTokens.Token> tokens) {
        StringBuilder text = new StringBuilder();
        int previousEnd = -1;
        for (SqliteTokens.Token token : tokens) {
            if (previousEnd >= 0 && token.start() > previousEnd) {
                text.append(' ');
            }
            text.append(token.kind() == SqliteTokens.Kind.WORD ? token.text().toLowerCase(Locale.ROOT) : token.text());
            previousEnd = token.end();
        }
        return text.toString();
    }

    /** The index of the token closing the parenthesis at {@code open}, or -1. */
    private static int closing(List<SqliteTokens.Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol('(')) {
                depth++;
            } else if (tokens.get(i).isSymbol(')') && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
