package dev.schemagate.postgres;

/**
 * A statement delimiter other than psql's semicolon, such as a Liquibase {@code endDelimiter}
 * ({@code /}, {@code GO}, {@code @@}): a literal token that ends a statement wherever a token
 * starts outside quotes and comments, whatever the parentheses. A delimiter that could be read as
 * part of a statement must stand alone on its line, blanks aside: one that starts or ends with an
 * identifier character ({@code GO} would otherwise end {@code SELECT 1 GO}) and {@code /}, which
 * is also division. Letters match in any case.
 */
final class EndDelimiter {

    private final String token;
    private final boolean ownLine;

    EndDelimiter(String token) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException("an empty statement delimiter");
        }
        this.token = token;
        this.ownLine = token.equals("/")
                || isWordCharacter(token.charAt(0)) || isWordCharacter(token.charAt(token.length() - 1));
    }

    /** The offset just past the delimiter if it stands at {@code offset} in {@code text}, or -1. */
    int endAt(String text, int offset) {
        if (!text.regionMatches(true, offset, token, 0, token.length())) {
            return -1;
        }
        int end = offset + token.length();
        if (ownLine && !(blankBefore(text, offset) && blankAfter(text, end))) {
            return -1;
        }
        return end;
    }

    private static boolean isWordCharacter(char c) {
        return SqlLexer.isIdentifierStart(c) || (c >= '0' && c <= '9');
    }

    private static boolean blankBefore(String text, int offset) {
        for (int i = offset - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
            if (!SqlLexer.isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean blankAfter(String text, int offset) {
        for (int i = offset; i < text.length() && text.charAt(i) != '\n'; i++) {
            if (!SqlLexer.isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
