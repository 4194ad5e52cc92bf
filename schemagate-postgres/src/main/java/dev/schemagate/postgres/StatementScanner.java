package dev.schemagate.postgres;

import dev.schemagate.migration.InputException;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.ScriptPart;
import dev.schemagate.migration.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One pass of {@link PostgresSplitter} over one script part: it reads the lexer's tokens, keeps
 * the bounds, parenthesis depth and words of the statement in progress, and ends it where the
 * part's delimiter says. A statement runs from its first to its last token that is neither blank
 * nor comment, so comments and blanks between statements belong to none.
 */
final class StatementScanner {

    private static final String COPY_END = "\\.";

    private final String text;
    private final SqlLexer lexer;
    private final SourcePositions positions;
    // how statements end: psql's semicolon, another delimiter, or not at all (the part is one statement)
    private final boolean psql;
    private final EndDelimiter delimiter;
    private final boolean whole;
    private final StatementKeywords keywords = new StatementKeywords();
    private final RoutineBody routine = new RoutineBody();
    private final List<Statement> statements = new ArrayList<>();

    private int start = -1;
    private int end;
    private int parenDepth;

    StatementScanner(Path file, ScriptPart part) {
        this.text = part.sql();
        this.lexer = new SqlLexer(text);
        this.positions = new SourcePositions(file, text, part.line(), part.column());
        this.whole = part.keptWhole();
        this.psql = !whole && part.delimiter().equals(ScriptPart.SEMICOLON);
        this.delimiter = whole || psql ? null : new EndDelimiter(part.delimiter().strip());
    }

    List<Statement> scan() {
        while (true) {
            if (delimiter != null) {
                int after = delimiter.endAt(text, lexer.end());
                if (after >= 0) {
                    lexer.skipTo(after);
                    finish(true);
                    continue;
                }
            }
            SqlLexer.Kind kind = lexer.next();
            if (lexer.unterminated()) {
                throw unterminated(kind);
            }
            switch (kind) {
                case END -> {
                    finish(false);
                    return statements;
                }
                case SPACE, COMMENT -> { }
                case SEMICOLON -> {
                    if (psql && parenDepth == 0 && !routine.open()) {
                        finish(true);
                    } else {
                        take(kind);
                    }
                }
                case BACKSLASH -> {
                    if (whole) {
                        take(kind);
                    } else {
                        metaCommand();
                    }
                }
                default -> take(kind);
            }
        }
    }

    /**
     * A quote or comment that runs to the end of the text: psql would send the rest of the file as
     * part of it, and the server would refuse it (or, for a comment, silently skip the rest).
     */
    private InputException unterminated(SqlLexer.Kind kind) {
        int at = lexer.start();
        String what = switch (kind) {
            case COMMENT -> "the comment '/*' opened here is never closed, so the rest of the file would be skipped; close it with '*/'";
            case QUOTED_NAME -> "the quoted name opened here is never closed; end it with '\"' (write a quote inside it as '\"\"')";
            default -> {
                if (text.charAt(at) != '$') {
                    yield "the string opened here is never closed; end it with a quote (write a quote inside it as '')";
                }
                String tag = text.substring(at, text.indexOf('$', at + 1) + 1);
                yield "the dollar quote " + tag + " opened here is never closed; end it with " + tag;
            }
        };
        return new InputException(positions.locate(at) + ": " + what);
    }

    /** Adds the current token to the statement in progress. */
    private void take(SqlLexer.Kind kind) {
        if (start < 0) {
            start = lexer.start();
        }
        end = lexer.end();
        switch (kind) {
            case OPEN_PAREN -> parenDepth++;
            case CLOSE_PAREN -> parenDepth = Math.max(0, parenDepth - 1);
            case WORD -> {
                String word = text.substring(lexer.start(), lexer.end()).toLowerCase(Locale.ROOT);
                keywords.add(word, parenDepth);
                routine.word(word, parenDepth);
            }
            case QUOTED_NAME -> keywords.add(text.substring(lexer.start(), lexer.end()), parenDepth);
            default -> { }
        }
    }

    /**
     * Ends the statement in progress, if any. {@code delimited} says that a delimiter ended it (as
     * opposed to the end of the part or a meta-command), so that a COPY's data follows.
     */
    private void finish(boolean delimited) {
        if (start >= 0) {
            Location location = positions.locate(start);
            String sql = text.substring(start, end);
            boolean copy = !whole && keywords.copyFromStdin();
            if (copy) {
                String data = delimited ? copyData() : "";
                statements.add(new Statement(sql, location, true, Statement.Kind.COPY_FROM_STDIN, data));
            } else {
                statements.add(Statement.sql(sql, location, keywords.transactional()));
            }
        }
        start = -1;
        parenDepth = 0;
        keywords.clear();
        routine.reset();
    }

    /**
     * A backslash outside quotes starts a psql meta-command that runs to the end of its line. Any
     * statement in progress ends before it (as {@code \g} would send it); the caller decides what
     * to say about the command itself.
     */
    private void metaCommand() {
        int backslash = lexer.start();
        finish(false);
        int lineEnd = lineEnd(backslash);
        String command = text.substring(backslash, lineEnd).strip();
        statements.add(new Statement(command, positions.locate(backslash), true, Statement.Kind.META_COMMAND, ""));
        lexer.skipTo(lineEnd);
    }

    /**
     * Reads the rows of a {@code COPY ... FROM STDIN} that the delimiter just ended: like psql, the
     * lines after the one holding the delimiter, up to a line {@code \.} or the end of the part.
     * Only blanks and a {@code --} comment may follow the delimiter on its line: psql would run
     * anything else there after the rows, out of the order the text shows.
     */
    private String copyData() {
        int from = lexer.end();
        int lineEnd = lineEnd(from);
        String rest = text.substring(from, lineEnd).strip();
        if (!rest.isEmpty() && !rest.startsWith("--")) {
            Location where = positions.locate(text.indexOf(rest, from));
            throw new InputException(where + ": '" + rest + "' follows COPY ... FROM stdin on the same line,"
                    + " where psql would run it after the data; move it below the \\. line");
        }
        int dataStart = Math.min(lineEnd + 1, text.length());
        for (int line = dataStart; line < text.length(); line = lineEnd(line) + 1) {
            if (isCopyEnd(line)) {
                lexer.skipTo(lineEnd(line));
                return text.substring(dataStart, line);
            }
        }
        lexer.skipTo(text.length());
        return text.substring(dataStart);
    }

    /** The line at {@code line} is exactly {@code \.} (a {@code \r} before its line feed aside). */
    private boolean isCopyEnd(int line) {
        int length = lineEnd(line) - line;
        if (length > 0 && text.charAt(line + length - 1) == '\r') {
            length--;
        }
        return length == COPY_END.length() && text.startsWith(COPY_END, line);
    }

    /** The offset of the line feed that ends the line holding {@code from}, or the end of the text. */
    private int lineEnd(int from) {
        int lineFeed = text.indexOf('\n', from);
        return lineFeed < 0 ? text.length() : lineFeed;
    }
}
