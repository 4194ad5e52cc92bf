package dev.schemagate.mysql;

import dev.schemagate.migration.InputException;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.ScriptPart;
import dev.schemagate.migration.Statement;
import dev.schemagate.migration.StatementSplitter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits scripts into statements as the {@code mysql} client does: the delimiter ({@code ;} until a
 * {@code DELIMITER} line names another, as scripts with stored routines and triggers do) ends a
 * statement unless it is inside a string ({@code '…'} or {@code "…"}, where a backslash escapes the
 * next character), a quoted name ({@code `…`}) or a comment ({@code #} or {@code -- } to the end of
 * the line, {@code /* … *}{@code /}). A version comment ({@code /*!50003 … *}{@code /}, MariaDB's
 * {@code /*M! … *}{@code /}) is code the server runs, so it belongs to its statement and a
 * statement holding only one is kept. A statement keeps its file position and leaves out its
 * delimiter; comment-only statements are dropped.
 *
 * <p>A stored program written without {@code DELIMITER} ({@code CREATE PROCEDURE … BEGIN …; …; END;})
 * is one statement, as the server's own parser reads it when a tool sends the whole script at once
 * (Authelia, golang-migrate with {@code multiStatements}): inside the {@code BEGIN … END} of a
 * {@code CREATE PROCEDURE}, {@code FUNCTION}, {@code TRIGGER} or {@code EVENT}, a {@code ;} ends the
 * inner statement, not this one. {@code CASE … END} nests; {@code END IF}, {@code END LOOP},
 * {@code END WHILE} and {@code END REPEAT} close blocks that were never counted.
 *
 * <p>Holds no state; each call reads its part once.
 */
public final class MysqlSplitter implements StatementSplitter {

    @Override
    public List<Statement> split(Path file, ScriptPart part) {
        if (part.keptWhole()) {
            String sql = part.sql().strip();
            if (sql.isEmpty()) {
                return List.of();
            }
            Scan scan = new Scan(file, part);
            return List.of(Statement.sql(sql, scan.locate(part.sql().indexOf(sql)), true));
        }
        return new Scan(file, part).run();
    }

    /** One pass over one part. */
    private static final class Scan {

        private final Path file;
        private final ScriptPart part;
        private final String text;
        private final List<Statement> statements = new ArrayList<>();
        private String delimiter;
        private int start = -1;
        private int end;
        private final List<String> words = new ArrayList<>();
        private int depth;

        Scan(Path file, ScriptPart part) {
            this.file = file;
            this.part = part;
            this.text = part.sql();
            this.delimiter = part.delimiter();
        }

        List<Statement> run() {
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (start < 0 && atLineStart(i) && delimiterCommand(i)) {
                    i = takeDelimiter(i);
                } else if (text.startsWith(delimiter, i) && (depth == 0 || !delimiter.equals(ScriptPart.SEMICOLON))) {
                    finish();
                    i += delimiter.length();
                } else if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '#' || c == '-' && dashComment(i)) {
                    i = lineEnd(i);
                } else if (c == '/' && text.startsWith("/*", i)) {
                    int close = text.indexOf("*/", i + 2);
                    if (close < 0) {
                        throw new InputException(locate(i) + ": the comment /* opened here is never closed; close it with */");
                    }
                    boolean code = text.startsWith("/*!", i) || text.startsWith("/*M!", i);
                    i = code || start >= 0 ? take(i, close + 2) : close + 2;
                } else if (c == '\'' || c == '"' || c == '`') {
                    i = take(i, quoteEnd(i, c));
                } else if (Character.isLetter(c) || c == '_') {
                    int wordEnd = wordEnd(i);
                    word(text.substring(i, wordEnd).toUpperCase(Locale.ROOT), wordEnd);
                    i = take(i, wordEnd);
                } else {
                    i = take(i, i + 1);
                }
            }
            finish();
            return statements;
        }

        /** The end of the word at {@code from}; a delimiter of letters ({@code DELIMITER end}) may end it. */
        private int wordEnd(int from) {
            int i = from;
            while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '$')
                    && (i == from || delimiter.equals(ScriptPart.SEMICOLON) || !text.startsWith(delimiter, i))) {
                i++;
            }
            return i;
        }

        /** Counts the blocks of a stored program's body, so that its inner {@code ;} do not end it. */
        private void word(String word, int after) {
            if (words.size() < 8) {
                words.add(word);
            }
            if (!storedProgram()) {
                return;
            }
            if (word.equals("BEGIN") || word.equals("CASE")) {
                depth++;
            } else if (word.equals("END") && depth > 0) {
                int next = after;
                while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                    next++;
                }
                String following = text.substring(next, wordEnd(next)).toUpperCase(Locale.ROOT);
                if (!Set.of("IF", "LOOP", "WHILE", "REPEAT").contains(following)) {
                    depth--;
                }
            }
        }

        private boolean storedProgram() {
            return !words.isEmpty() && words.get(0).equals("CREATE") && words.stream()
                    .anyMatch(w -> w.equals("PROCEDURE") || w.equals("FUNCTION") || w.equals("TRIGGER") || w.equals("EVENT"));
        }

        /** {@code --} starts a comment only when a blank (or the end) follows, as in MySQL. */
        private boolean dashComment(int i) {
            return text.startsWith("--", i) && (i + 2 >= text.length() || Character.isWhitespace(text.charAt(i + 2))
                    || Character.isISOControl(text.charAt(i + 2)));
        }

        private boolean atLineStart(int i) {
            for (int j = i - 1; j >= 0; j--) {
                char c = text.charAt(j);
                if (c == '\n') {
                    return true;
                }
                if (c != ' ' && c != '\t' && c != '\r') {
                    return false;
                }
            }
            return true;
        }

        private boolean delimiterCommand(int i) {
            return text.regionMatches(true, i, "delimiter", 0, 9) && i + 9 < text.length()
                    && (text.charAt(i + 9) == ' ' || text.charAt(i + 9) == '\t');
        }

        /** Reads {@code DELIMITER x}: the first word after it (quotes taken off) is the delimiter from here on. */
        private int takeDelimiter(int i) {
            int lineEnd = text.indexOf('\n', i);
            String line = text.substring(i + 9, lineEnd < 0 ? text.length() : lineEnd).strip();
            String word = line.split("\\s+")[0];
            if (word.length() > 1 && (word.charAt(0) == '\'' || word.charAt(0) == '"' || word.charAt(0) == '`')
                    && word.charAt(word.length() - 1) == word.charAt(0)) {
                word = word.substring(1, word.length() - 1);
            }
            if (word.isEmpty()) {
                throw new InputException(locate(i) + ": DELIMITER names no delimiter; write DELIMITER // (and DELIMITER ; after the routine)");
            }
            delimiter = word;
            return lineEnd < 0 ? text.length() : lineEnd + 1;
        }

        private int take(int from, int to) {
            if (start < 0) {
                start = from;
            }
            end = to;
            return to;
        }

        /** The end of a quoted run: a doubled quote stays inside, and in strings a backslash escapes the next character. */
        private int quoteEnd(int open, char quote) {
            int i = open + 1;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\\' && quote != '`') {
                    i += 2;
                    continue;
                }
                if (c == quote) {
                    if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                i++;
            }
            throw new InputException(locate(open) + ": the quote " + quote + " opened here is never closed; close it with "
                    + quote + " (a backslash inside a string escapes the character after it)");
        }

        private int lineEnd(int from) {
            int newline = text.indexOf('\n', from);
            return newline < 0 ? text.length() : newline + 1;
        }

        private void finish() {
            if (start >= 0) {
                statements.add(Statement.sql(text.substring(start, end), locate(start), true));
            }
            start = -1;
            words.clear();
            depth = 0;
        }

        /** The file position of an offset of the part. */
        Location locate(int offset) {
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
