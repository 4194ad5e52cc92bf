package dev.schemagate.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines of a file's text with the offset where each starts, so that a layout that cuts a file
 * into sections (dbmate, goose, Liquibase) can hand each section on with the line it starts at in
 * the file. A line ends at {@code \n}; a {@code \r} before it belongs to the line ending.
 */
final class TextLines {

    private static final Pattern COMMENT_OR_BLANK = Pattern.compile("\\s*(--.*)?");

    private final String text;
    private final List<Integer> starts = new ArrayList<>();

    TextLines(String text) {
        this.text = text;
        starts.add(0);
        for (int i = text.indexOf('\n'); i >= 0 && i + 1 < text.length(); i = text.indexOf('\n', i + 1)) {
            starts.add(i + 1);
        }
    }

    /** How many lines there are; an empty text has one empty line. */
    int count() {
        return starts.size();
    }

    /** Line {@code index} (0-based) without its line ending. */
    String line(int index) {
        int end = index + 1 < starts.size() ? starts.get(index + 1) : text.length();
        String line = text.substring(starts.get(index), end);
        if (line.endsWith("\n")) {
            line = line.substring(0, line.length() - 1);
        }
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Lines {@code from} (inclusive) to {@code to} (exclusive), exactly as in the file, line endings kept. */
    String between(int from, int to) {
        int end = to < starts.size() ? starts.get(to) : text.length();
        return text.substring(starts.get(from), end);
    }

    /**
     * A part of lines {@code from} to {@code to} (0-based, {@code to} exclusive) with the 1-based
     * line it starts at, or nothing when those lines hold only white space.
     */
    List<ScriptPart> part(int from, int to, String delimiter) {
        String sql = from < to ? between(from, to) : "";
        return sql.isBlank() ? List.of() : List.of(new ScriptPart(sql, from + 1, 1, delimiter));
    }

    /** True for a line that holds nothing, or only a {@code --} comment. */
    static boolean isCommentOrBlank(String line) {
        return COMMENT_OR_BLANK.matcher(line).matches();
    }
}
