package dev.schemagate.mysql.lint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A MySQL statement's text made easy to match: comments dropped ({@code --}, {@code #},
 * {@code /* … *}{@code /}), the body of a {@code /*! … *}{@code /} version comment kept as the server
 * runs it, string literals (single or double quoted) masked as {@code ''} and kept aside in order,
 * backticked names unquoted, whitespace collapsed, everything in lower case except the literals.
 * Names keep the spelling the statement gave them for what the rules say ({@link #spelled}): MySQL
 * tells {@code Orders} from {@code orders} where the server's files do.
 *
 * @param masked    the text as the rules match it
 * @param literals  the contents of the string literals, in order (an ENUM's labels)
 * @param spellings each word and backticked name of the statement, in lower case, to its first spelling there
 */
record MysqlText(String masked, List<String> literals, Map<String, String> spellings) {

    /** A name, possibly {@code db.table}, as the masked text spells it. */
    static final String NAME = "([\\w$]+(?:\\.[\\w$]+)?)";

    MysqlText {
        literals = List.copyOf(literals);
        spellings = Map.copyOf(spellings);
    }

    static MysqlText of(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> literals = new ArrayList<>();
        Map<String, String> spellings = new HashMap<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if ((c == '-' && sql.startsWith("-- ", i)) || (c == '-' && sql.startsWith("--\n", i)) || c == '#') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                out.append(' ');
            } else if (c == '/' && sql.startsWith("/*!", i)) {
                i += 3;
                while (i < n && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
                out.append(' ');
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (c == '*' && sql.startsWith("*/", i)) {
                i += 2;
                out.append(' ');
            } else if (c == '\'' || c == '"') {
                StringBuilder literal = new StringBuilder();
                i++;
                while (i < n) {
                    char d = sql.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        literal.append(sql.charAt(i + 1));
                        i += 2;
                    } else if (d == c && i + 1 < n && sql.charAt(i + 1) == c) {
                        literal.append(c);
                        i += 2;
                    } else if (d == c) {
                        i++;
                        break;
                    } else {
                        literal.append(d);
                        i++;
                    }
                }
                literals.add(literal.toString());
                out.append("''");
            } else if (c == '`') {
                int end = sql.indexOf('`', i + 1);
                end = end < 0 ? n : end;
                String name = sql.substring(i + 1, end);
                spellings.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                out.append(name.toLowerCase(Locale.ROOT));
                i = end + 1;
            } else if (isWord(c)) {
                int end = i;
                while (end < n && isWord(sql.charAt(end))) {
                    end++;
                }
                String word = sql.substring(i, end);
                spellings.putIfAbsent(word.toLowerCase(Locale.ROOT), word);
                out.append(word.toLowerCase(Locale.ROOT));
                i = end;
            } else {
                out.append(Character.isWhitespace(c) ? ' ' : Character.toLowerCase(c));
                i++;
            }
        }
        String masked = out.toString().replaceAll(" {2,}", " ").replaceAll(" ?;$", "").strip();
        return new MysqlText(masked, literals, spellings);
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** A name the rules read in lower case ({@code shop.orders}), as the statement spells it ({@code shop.Orders}). */
    String spelled(String name) {
        if (name == null) {
            return null;
        }
        return Arrays.stream(name.split("\\.", -1)).map(part -> spellings.getOrDefault(part, part))
                .collect(Collectors.joining("."));
    }

    /** The matcher of a pattern at the text's start, already matched, or null. */
    Matcher leading(String regex) {
        Matcher m = Pattern.compile("^(?:" + regex + ")").matcher(masked);
        return m.find() ? m : null;
    }

    boolean contains(String regex) {
        return Pattern.compile(regex).matcher(masked).find();
    }

    /** {@code orders} from {@code shop.orders}. */
    static String table(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    /** Splits on commas outside parentheses. */
    static List<String> topLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).strip());
        return parts;
    }

    /** How many string literals {@code text} (a part of the masked text) holds. */
    static int literalsIn(String text) {
        int count = 0;
        for (int i = text.indexOf("''"); i >= 0; i = text.indexOf("''", i + 2)) {
            count++;
        }
        return count;
    }
}
