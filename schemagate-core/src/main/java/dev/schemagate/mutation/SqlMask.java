package dev.schemagate.mutation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement's text made safe to match, character for character: comments become spaces, the
 * contents of string literals and dollar-quoted bodies become underscores (quotes and tags stay),
 * so a match on the masked text is at the same place in the original, which an operator then edits.
 */
public final class SqlMask {

    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_]\\w*)?\\$");

    private SqlMask() {
    }

    public static String mask(String sql) {
        char[] out = sql.toCharArray();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    out[i++] = ' ';
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(out, i, end, ' ');
                i = end;
            } else if (c == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
                int j = i + 1;
                while (j < n) {
                    char d = sql.charAt(j);
                    if (escapes && d == '\\') {
                        j += 2;
                    } else if (d == '\'' && j + 1 < n && sql.charAt(j + 1) == '\'') {
                        j += 2;
                    } else if (d == '\'') {
                        break;
                    } else {
                        j++;
                    }
                }
                j = Math.min(j, n);
                blank(out, i + 1, j, '_');
                i = j + 1;
            } else if (c == '"') {
                int end = sql.indexOf('"', i + 1);
                i = end < 0 ? n : end + 1;
            } else if (c == '$') {
                Matcher tag = DOLLAR_TAG.matcher(sql).region(i, n);
                if (tag.lookingAt() && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                    int bodyStart = tag.end();
                    int close = sql.indexOf(tag.group(), bodyStart);
                    int end = close < 0 ? n : close;
                    blank(out, bodyStart, end, '_');
                    i = close < 0 ? n : close + tag.group().length();
                } else {
                    i++;
                }
            } else {
                i++;
            }
        }
        return new String(out);
    }

    private static void blank(char[] out, int from, int to, char with) {
        for (int k = from; k < to && k < out.length; k++) {
            if (out[k] != '\n') {
                out[k] = with;
            }
        }
    }

    /** The index of the parenthesis that closes the one at {@code open}, or the text's length. */
    public static int closing(String masked, int open) {
        int depth = 0;
        for (int i = open; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return masked.length();
    }

    /** The first match of {@code pattern} at parenthesis depth 0 at or after {@code from}, or -1. */
    public static int topLevel(String masked, Pattern pattern, int from) {
        Matcher m = pattern.matcher(masked);
        int depth = 0;
        int scanned = 0;
        int at = from;
        while (m.find(at)) {
            for (; scanned < m.start(); scanned++) {
                char c = masked.charAt(scanned);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            if (depth == 0) {
                return m.start();
            }
            at = m.start() + 1;
        }
        return -1;
    }
}
