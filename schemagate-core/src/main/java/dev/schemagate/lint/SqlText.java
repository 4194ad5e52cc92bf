package dev.schemagate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement's text made easy to match: comments removed, string and dollar-quoted bodies
 * masked (so that keywords inside them never match), whitespace collapsed. The literals are kept
 * aside in order, for the rules that need them (an enum value added, then used).
 *
 * @param masked   the text with comments dropped, each literal as {@code ''} and bodies as {@code $$ $$}
 * @param literals the contents of the string literals, in order
 */
public record SqlText(String masked, List<String> literals) {

    /**
     * An identifier, quoted or not. Possessive runs of plain characters keep the regex engine from
     * recursing once per character, which overflowed the stack on a long text with a stray quote.
     */
    public static final String IDENT = "(?:\"(?=[^\"]|\"\")[^\"]*+(?:\"\"[^\"]*+)*+\"|[A-Za-z_][\\w$]*)";
    /** A possibly schema-qualified name. */
    public static final String NAME = IDENT + "(?:\\s*\\.\\s*" + IDENT + ")*";
    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_][\\w]*)?\\$");
    /**
     * The rules' patterns, compiled once: the rules ask each statement about a few dozen constant
     * patterns, and compiling them anew for every statement was most of a static lint's time.
     * Bounded, should a caller ever build patterns from the text itself.
     */
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();
    private static final Map<String, Pattern> ANCHORED = new ConcurrentHashMap<>();
    private static final int MOST_COMPILED = 1024;

    public SqlText {
        literals = List.copyOf(literals);
    }

    /** Reads a statement's text. */
    public static SqlText of(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                out.append(' ');
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = endOfBlockComment(sql, i);
                out.append(' ');
            } else if (c == '\'') {
                int end = endOfLiteral(sql, i);
                literals.add(sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("''", "'"));
                out.append("''");
                i = end;
            } else if (c == '"') {
                int end = sql.indexOf('"', i + 1);
                end = end < 0 ? n : end + 1;
                out.append(sql, i, end);
                i = end;
            } else if (c == '$' && dollarTagAt(sql, i) != null) {
                String tag = dollarTagAt(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                i = close < 0 ? n : close + tag.length();
                out.append("$$ $$");
            } else {
                out.append(Character.isWhitespace(c) ? ' ' : c);
                i++;
            }
        }
        return new SqlText(singleSpaced(out).strip(), literals);
    }

    /** The text with every run of spaces made one space. */
    private static String singleSpaced(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' || out.length() == 0 || out.charAt(out.length() - 1) != ' ') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True when the masked text matches the pattern from its start (case-insensitively). */
    public boolean startsWith(String regex) {
        return anchored(regex).matcher(masked).find();
    }

    /** The matcher of a pattern anchored at the text's start, already matched, or null. */
    public Matcher leading(String regex) {
        Matcher m = anchored(regex).matcher(masked);
        return m.find() ? m : null;
    }

    /** True when the pattern occurs anywhere in the masked text (case-insensitively). */
    public boolean contains(String regex) {
        return pattern(regex).matcher(masked).find();
    }

    /** The pattern of a constant regex, case-insensitive, compiled once. */
    public static Pattern pattern(String regex) {
        return compiled(COMPILED, regex, regex);
    }

    /**
     * The pattern anchored at the start, kept under the caller's regex: building the anchored text
     * first would hash a new string of a few hundred characters on every call.
     */
    private static Pattern anchored(String regex) {
        Pattern known = ANCHORED.get(regex);
        return known != null ? known : compiled(ANCHORED, regex, "^(?:" + regex + ")");
    }

    private static Pattern compiled(Map<String, Pattern> cache, String key, String regex) {
        Pattern known = cache.get(key);
        if (known != null) {
            return known;
        }
        Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        if (cache.size() < MOST_COMPILED) {
            cache.putIfAbsent(key, pattern);
        }
        return pattern;
    }

    /** The name as PostgreSQL folds it, without its schema: {@code Public."Orders"} is {@code Orders}. */
    public static String tableKey(String name) {
        List<String> parts = splitTopLevel(name.strip(), '.');
        return unquote(parts.get(parts.size() - 1).strip());
    }

    /** An identifier unquoted, or folded to lower case when it was not quoted. */
    public static String unquote(String ident) {
        if (ident.length() >= 2 && ident.startsWith("\"") && ident.endsWith("\"")) {
            return ident.substring(1, ident.length() - 1).replace("\"\"", "\"");
        }
        return ident.toLowerCase(Locale.ROOT);
    }

    /** The text with every parenthesised part left out, such as the query of {@code COPY (SELECT ...) TO ...}. */
    public static String outsideParentheses(String text) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Splits on a separator outside parentheses and double quotes. */
    public static List<String> splitTopLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static int endOfBlockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return i;
    }

    private static int endOfLiteral(String sql, int start) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return i;
    }

    private static String dollarTagAt(String sql, int i) {
        if (i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_')) {
            return null;
        }
        Matcher m = DOLLAR_TAG.matcher(sql).region(i, sql.length());
        return m.lookingAt() ? m.group() : null;
    }
}
