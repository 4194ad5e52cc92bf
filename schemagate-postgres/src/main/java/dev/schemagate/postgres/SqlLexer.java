package dev.schemagate.postgres;

/**
 * Cuts PostgreSQL text into the few kinds of token that decide where a statement ends, following
 * the rules of PostgreSQL's own scanner (with {@code standard_conforming_strings} on): quotes,
 * dollar quotes, nested comments, identifiers, parentheses, semicolons and backslashes. Everything
 * else is an {@link Kind#OTHER} token, so a statement's text is never rebuilt from tokens, only
 * cut out of the source by the tokens' offsets.
 *
 * <p>Each token is found in one forward pass without backtracking over the text. An unterminated
 * quote or comment runs to the end of the text, as psql would send it, and {@link #unterminated()}
 * says so, for the caller to refuse what the server would refuse too.
 */
final class SqlLexer {

    /** What a token is, as far as statement boundaries care. */
    enum Kind {
        /** Blanks and line breaks. */
        SPACE,
        /** A {@code --} or (possibly nested) {@code /* *}{@code /} comment. */
        COMMENT,
        /** An unquoted identifier or keyword. */
        WORD,
        /** A double-quoted identifier, {@code "like ""this"""} or {@code U&"..."}. */
        QUOTED_NAME,
        /** A string constant: {@code '...'}, {@code E'...'}, {@code U&'...'} or a dollar-quoted {@code $tag$...$tag$}. */
        STRING,
        OPEN_PAREN,
        CLOSE_PAREN,
        SEMICOLON,
        /** A backslash outside quotes, which psql reads as the start of a meta-command. */
        BACKSLASH,
        /** Any other character or number. */
        OTHER,
        /** No more text. */
        END
    }

    private final String text;
    private final int length;
    private int start;
    private int pos;
    private boolean unterminated;

    SqlLexer(String text) {
        this.text = text;
        this.length = text.length();
    }

    /** Reads the next token; its bounds are then {@link #start()} and {@link #end()}. */
    Kind next() {
        start = pos;
        unterminated = false;
        if (pos >= length) {
            return Kind.END;
        }
        char c = text.charAt(pos);
        if (isSpace(c)) {
            while (pos < length && isSpace(text.charAt(pos))) {
                pos++;
            }
            return Kind.SPACE;
        }
        if (c == '-' && at(pos + 1) == '-') {
            pos = lineCommentEnd(pos);
            return Kind.COMMENT;
        }
        if (c == '/' && at(pos + 1) == '*') {
            pos = blockCommentEnd(pos + 2);
            return Kind.COMMENT;
        }
        if (c == '\'') {
            pos = quoteEnd(pos + 1, '\'', false);
            return Kind.STRING;
        }
        if (c == '"') {
            pos = quoteEnd(pos + 1, '"', false);
            return Kind.QUOTED_NAME;
        }
        if ((c == 'e' || c == 'E') && at(pos + 1) == '\'') {
            pos = quoteEnd(pos + 2, '\'', true);
            return Kind.STRING;
        }
        if ((c == 'u' || c == 'U') && at(pos + 1) == '&' && (at(pos + 2) == '\'' || at(pos + 2) == '"')) {
            // U&'...' and U&"...": the backslash introduces a code point, so the quotes follow the plain rules
            char quote = at(pos + 2);
            pos = quoteEnd(pos + 3, quote, false);
            return quote == '"' ? Kind.QUOTED_NAME : Kind.STRING;
        }
        if (c == '$') {
            return dollar();
        }
        if (isIdentifierStart(c)) {
            pos = wordEnd(pos + 1, true);
            return Kind.WORD;
        }
        if (c >= '0' && c <= '9') {
            // a number, with any letters glued to it (1e5, 0x1F), so that they never read as a word
            pos = wordEnd(pos + 1, false);
            return Kind.OTHER;
        }
        pos++;
        return switch (c) {
            case '(' -> Kind.OPEN_PAREN;
            case ')' -> Kind.CLOSE_PAREN;
            case ';' -> Kind.SEMICOLON;
            case '\\' -> Kind.BACKSLASH;
            default -> Kind.OTHER;
        };
    }

    /** True when the current token is a quote, dollar quote or block comment that the text never closes. */
    boolean unterminated() {
        return unterminated;
    }

    /** Offset of the current token's first character. */
    int start() {
        return start;
    }

    /** Offset just past the current token, which is also where the next one starts. */
    int end() {
        return pos;
    }

    /** Continues lexing from {@code offset}, skipping what lies before it (copy data, a meta-command). */
    void skipTo(int offset) {
        pos = Math.max(pos, Math.min(offset, length));
    }

    /** A {@code --} comment runs up to the next line break, {@code \n} or {@code \r}. */
    private int lineCommentEnd(int from) {
        int i = from;
        while (i < length && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /**
     * A {@code $} opens a dollar quote when a tag (possibly empty) and a second {@code $} follow;
     * otherwise it stands alone, as in the parameter {@code $1} (whose digits follow as a number).
     * The quote ends at the first repetition of the whole opening delimiter, which is what the
     * server's scanner finds too, so differently tagged quotes nest inside it.
     */
    private Kind dollar() {
        int tagEnd = pos + 1;
        if (tagEnd < length && isIdentifierStart(text.charAt(tagEnd))) {
            tagEnd = wordEnd(tagEnd + 1, false);
        }
        if (at(tagEnd) != '$') {
            pos++;
            return Kind.OTHER;
        }
        String delimiter = text.substring(pos, tagEnd + 1);
        int close = text.indexOf(delimiter, tagEnd + 1);
        unterminated = close < 0;
        pos = close < 0 ? length : close + delimiter.length();
        return Kind.STRING;
    }

    private int quoteEnd(int from, char quote, boolean backslashEscapes) {
        int i = from;
        while (i < length) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c != quote) {
                i++;
            } else if (at(i + 1) == quote) {
                i += 2;
            } else {
                return i + 1;
            }
        }
        unterminated = true;
        return length;
    }

    private int blockCommentEnd(int from) {
        int depth = 1;
        int i = from;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '/' && at(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (c == '*' && at(i + 1) == '/') {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        unterminated = true;
        return length;
    }

    /** Skips identifier characters; {@code $} belongs to identifiers but not to dollar-quote tags. */
    private int wordEnd(int from, boolean dollarAllowed) {
        int i = from;
        while (i < length) {
            char c = text.charAt(i);
            if (!(isIdentifierStart(c) || (c >= '0' && c <= '9') || (dollarAllowed && c == '$'))) {
                break;
            }
            i++;
        }
        return i;
    }

    private char at(int index) {
        return index < length ? text.charAt(index) : '\0';
    }

    /** PostgreSQL's blanks: space, tab, line feed, carriage return, form feed, vertical tab. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /** Letters, underscore and every non-ASCII character may start an identifier, as in the server's scanner. */
    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }
}
