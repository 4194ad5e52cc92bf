package dev.schemagate.sqlite;

import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's tokens, as its tokenizer cuts them: words (keywords, plain names, numbers), quoted names
 * ({@code "…"}, {@code `…`}, {@code […]}), strings ({@code '…'}) and single symbols, with comments
 * and blanks left out. Reading stored {@code CREATE} text by tokens rather than by patterns keeps
 * a word inside a string, a quoted name or a comment from being taken for a keyword.
 */
final class SqliteTokens {

    /** What a token is. */
    enum Kind { WORD, NAME, STRING, SYMBOL }

    /**
     * One token.
     *
     * @param start offset of its first character in the text
     * @param end   offset just after its last character
     */
    record Token(Kind kind, String text, int start, int end) {

        /** The token is the keyword {@code word} (unquoted, any case). */
        boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        /** The token is the symbol {@code symbol}. */
        boolean isSymbol(char symbol) {
            return kind == Kind.SYMBOL && text.charAt(0) == symbol;
        }

        /** A name as SQLite reads it: without its quotes, doubled quotes made single. */
        String name() {
            return switch (kind) {
                case NAME -> text.startsWith("[") ? text.substring(1, text.length() - 1)
                        : text.substring(1, text.length() - 1).replace(text.substring(0, 1).repeat(2), text.substring(0, 1));
                case STRING -> text.substring(1, text.length() - 1).replace("''", "'");
                default -> text;
            };
        }
    }

    private SqliteTokens() {
    }

    /** The tokens of the text; an unclosed quote or comment runs to the end of the text. */
    static List<Token> of(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? sql.length() : newline + 1;
            } else if (sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? sql.length() : close + 2;
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                int end = quoteEnd(sql, i, c == '[' ? ']' : c);
                tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.NAME, sql.substring(i, end), i, end));
                i = end;
            } else if (wordChar(c)) {
                int end = i;
                while (end < sql.length() && wordChar(sql.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(i, end), i, end));
                i = end;
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return tokens;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }

    private static int quoteEnd(String sql, int open, char close) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == close) {
                if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
