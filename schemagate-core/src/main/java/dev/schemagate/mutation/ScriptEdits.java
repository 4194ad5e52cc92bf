package dev.schemagate.mutation;

import dev.schemagate.migration.Location;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.ScriptPart;
import dev.schemagate.migration.Statement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Puts a change in place: in the script the engine runs (its parts) and in the text of its file
 * (for the diff people read). A removed statement leaves its line breaks behind, so every other
 * statement keeps its line and findings keep pointing at the file as it is.
 */
final class ScriptEdits {

    private ScriptEdits() {
    }

    /** The script and the file's text with the change made; empty when a statement is not found as written (generated text). */
    static Optional<Edited> apply(Script script, List<Statement> statements, Change change, String fileText) {
        List<ScriptPart> parts = new ArrayList<>(script.parts());
        String file = fileText;
        List<Edit> edits = new ArrayList<>(change.edits());
        edits.sort(Comparator.comparing((Edit e) -> statements.get(e.statement()).location().line())
                .thenComparing(e -> statements.get(e.statement()).location().column()).reversed());
        for (Edit edit : edits) {
            Statement statement = statements.get(edit.statement());
            Location at = statement.location();
            int partIndex = partOf(parts, statement);
            if (partIndex < 0) {
                return Optional.empty();
            }
            ScriptPart part = parts.get(partIndex);
            int inPart = offset(part.sql(), part.line(), part.column(), at.line(), at.column());
            int inFile = offset(file, 1, 1, at.line(), at.column());
            if (inFile < 0 || !file.startsWith(statement.sql(), inFile)) {
                return Optional.empty();
            }
            String delimiter = part.delimiter() == null ? "" : part.delimiter();
            parts.set(partIndex, new ScriptPart(splice(part.sql(), inPart, statement.sql(), edit, delimiter), part.line(), part.column(),
                    part.delimiter()));
            file = splice(file, inFile, statement.sql(), edit, delimiter);
        }
        return Optional.of(new Edited(new Script(script.file(), parts, script.transaction(), script.line()), file,
                firstChangedLine(fileText, file)));
    }

    /** The line of the first character that differs, so file:line points at the change, not at its statement's first line. */
    static int firstChangedLine(String before, String after) {
        int at = 0;
        while (at < before.length() && at < after.length() && before.charAt(at) == after.charAt(at)) {
            at++;
        }
        return (int) before.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The script changed, the file's text changed the same way, and the first line changed. */
    record Edited(Script script, String fileText, int line) {
    }

    private static int partOf(List<ScriptPart> parts, Statement statement) {
        for (int i = 0; i < parts.size(); i++) {
            ScriptPart part = parts.get(i);
            int offset = offset(part.sql(), part.line(), part.column(), statement.location().line(), statement.location().column());
            if (offset >= 0 && part.sql().startsWith(statement.sql(), offset)) {
                return i;
            }
        }
        return -1;
    }

    private static String splice(String text, int offset, String sql, Edit edit, String delimiter) {
        int end = offset + sql.length();
        if (!edit.removes()) {
            return text.substring(0, offset) + edit.replacement() + text.substring(end);
        }
        int after = end;
        while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
            after++;
        }
        if (!delimiter.isEmpty() && text.startsWith(delimiter, after)) {
            end = after + delimiter.length();
        }
        String removed = text.substring(offset, end);
        return text.substring(0, offset) + "\n".repeat((int) removed.chars().filter(c -> c == '\n').count()) + text.substring(end);
    }

    /** The offset of (line, column) in a text that starts at (startLine, startColumn), or -1. */
    static int offset(String text, int startLine, int startColumn, int line, int column) {
        if (line < startLine || line == startLine && column < startColumn) {
            return -1;
        }
        int i = 0;
        int col = startColumn;
        for (int l = startLine; l < line; l++) {
            int newline = text.indexOf('\n', i);
            if (newline < 0) {
                return -1;
            }
            i = newline + 1;
            col = 1;
        }
        int offset = i + column - col;
        return offset <= text.length() ? offset : -1;
    }
}
