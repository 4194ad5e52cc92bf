package dev.schemagate.sqlite;

import dev.schemagate.migration.InputException;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.ScriptPart;
import dev.schemagate.migration.Statement;
import dev.schemagate.migration.StatementSplitter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQLite scripts into statements as the {@code sqlite3} shell does ({@code sqlite3_complete}):
 * a {@code ;} ends a statement unless it is inside a string ({@code '…'}), a quoted name
 * ({@code "…"}, {@code `…`}, {@code […]}), a comment, or the {@code BEGIN … END} body of a
 * {@code CREATE TRIGGER}, where {@code CASE … END} nests. A statement keeps its file position;
 * comment-only statements are dropped. {@code VACUUM} cannot run in a transaction.
 *
 * <p>Holds no state; each call reads its part once.
 */
public final class SqliteSplitter implements StatementSplitter {

    @Override
    public List<Statement> split(Path file, ScriptPart part) {
        return new Scan(file, part).run();
    }

    /** One pass over one part. */
    private static final class Scan {

        private final Path file;
        private final ScriptPart part;
        private final String text;
        private final List<Statement> statements = new ArrayList<>();
        private final List<String> words = new ArrayList<>();
        private int start = -1;
        private int end;
        private int bodyDepth;
        private boolean bodyClosed;

        Scan(Path file, ScriptPart part) {
            this.file = file;
            this.part = part;
            this.text = part.sql();
        }

        List<Statement> run() {
            String delimiter = part.delimiter();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '-' && text.startsWith("--", i)) {
                    i = lineEnd(i);
                } else if (c == '/' && text.startsWith("/*", i)) {
                    int close = text.indexOf("*/", i + 2);
                    i = close < 0 ? text.length() : close + 2;
                } else if (delimiter != null && !delimiter.equals(ScriptPart.SEMICOLON) && text.startsWith(delimiter, i)) {
                    finish();
                    i += delimiter.length();
                } else if (c == ';' && ScriptPart.SEMICOLON.equals(delimiter) && !insideTriggerBody()) {
                    finish();
                    i++;
                } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                    i = take(i, quoteEnd(i, c == '[' ? ']' : c));
                } else if (Character.isLetterOrDigit(c) || c == '_') {
                    int wordEnd = i;
                    while (wordEnd < text.length() && (Character.isLetterOrDigit(text.charAt(wordEnd)) || text.charAt(wordEnd) == '_')) {
                        wordEnd++;
                    }
                    word(text.substring(i, wordEnd).toUpperCase(Locale.ROOT));
                    i = take(i, wordEnd);
                } else {
                    i = take(i, i + 1);
                }
            }
            finish();
            return statements;
        }

        /** A trigger's body is open: its {@code ;} belong to the statements inside it. */
        private boolean insideTriggerBody() {
            return trigger() && bodyDepth > 0 && !bodyClosed;
        }

        private boolean trigger() {
            if (words.size() < 2 || !words.get(0).equals("CREATE")) {
                return false;
            }
            String second = words.get(1);
            return second.equals("TRIGGER") || (second.equals("TEMP") || second.equals("TEMPORARY"))
                    && words.size() > 2 && words.get(2).equals("TRIGGER");
        }

        private void word(String word) {
            if (words.size() < 3) {
                words.add(word);
            }
            if (!trigger() || bodyClosed) {
                return;
            }
            if (bodyDepth == 0) {
                bodyDepth = word.equals("BEGIN") ? 1 : 0;
            } else if (word.equals("CASE")) {
                bodyDepth++;
            } else if (word.equals("END")) {
                bodyDepth--;
                bodyClosed = bodyDepth == 0;
            }
        }

        private int take(int from, int to) {
            if (start < 0) {
                start = from;
            }
            end = to;
            return to;
        }

        private int quoteEnd(int open, char close) {
            int i = open + 1;
            while (i < text.length()) {
                if (text.charAt(i) == close) {
                    if (close != ']' && i + 1 < text.length() && text.charAt(i + 1) == close) {
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                i++;
            }
            throw new InputException(locate(open) + ": the quote " + text.charAt(open)
                    + " opened here is never closed; close it with " + close);
        }

        private int lineEnd(int from) {
            int newline = text.indexOf('\n', from);
            return newline < 0 ? text.length() : newline + 1;
        }

        private void finish() {
            if (start >= 0) {
                String sql = text.substring(start, end);
                boolean transactional = words.isEmpty() || !words.get(0).equals("VACUUM");
                statements.add(Statement.sql(sql, locate(start), transactional));
            }
            start = -1;
            words.clear();
            bodyDepth = 0;
            bodyClosed = false;
        }

        /** The file position of an offset of the part. */
        private Location locate(int offset) {
            int line = part.line();
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = offset - lineStart + 1 + (line == part.line() ? part.column() - 1 : 0);
            return new Location(file, line, column);
        }
    }
}
