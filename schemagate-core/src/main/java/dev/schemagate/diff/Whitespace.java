package dev.schemagate.diff;

/**
 * Compares SQL text with the whitespace outside literals normalised: two function bodies that differ
 * only in indentation, line breaks or spacing around operators do the same thing, while a space
 * inside a string literal or a quoted name is part of a value.
 */
public final class Whitespace {

    /** The marker a difference's field carries when its two values differ in such whitespace only. */
    public static final String ONLY = " (whitespace only)";

    private Whitespace() {
    }

    public static boolean sameIgnoringWhitespace(String a, String b) {
        return normalized(a).equals(normalized(b));
    }

    /**
     * The text with every run of whitespace outside '…' and "…" removed, or kept as one space where
     * it separates two word characters.
     */
    static String normalized(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        char quote = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && !out.isEmpty() && word(out.charAt(out.length() - 1)) && word(c)) {
                out.append(' ');
            }
            pendingSpace = false;
            if (c == '\'' || c == '"') {
                quote = c;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
