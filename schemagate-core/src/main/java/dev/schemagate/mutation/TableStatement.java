package dev.schemagate.mutation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code CREATE TABLE} or {@code ALTER TABLE} statement cut into its parts: the table-level
 * elements (the column and constraint list of a create, the actions of an alter), and among them the
 * column definitions, each from the column's name. Positions are those of the statement's text.
 *
 * @param table   the table's name as written
 * @param create  true for {@code CREATE TABLE}
 * @param parts   the elements or actions, without surrounding whitespace
 * @param columns the column definitions, from the column name to the end of the element
 */
public record TableStatement(String table, boolean create, List<Span> parts, List<Span> columns) {

    public static final String IDENT = "(?:\"[^\"]*\"|[A-Za-z_][\\w$]*)";
    public static final String NAME = IDENT + "(?:\\s*\\.\\s*" + IDENT + ")*";
    private static final Pattern CREATE = Pattern.compile("^\\s*CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?"
            + "TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + NAME + ")\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER = Pattern.compile("^\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?(" + NAME + ")\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_COLUMN = Pattern.compile("(?:CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN|EXCLUDE|LIKE|PERIOD)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_COLUMN = Pattern.compile("ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?",
            Pattern.CASE_INSENSITIVE);

    public TableStatement {
        parts = List.copyOf(parts);
        columns = List.copyOf(columns);
    }

    /** Reads a masked statement (see {@link SqlMask}); empty when it is neither kind. */
    public static Optional<TableStatement> parse(String masked) {
        Matcher create = CREATE.matcher(masked);
        if (create.find()) {
            int open = create.end() - 1;
            int close = SqlMask.closing(masked, open);
            List<Span> parts = split(masked, open + 1, close);
            List<Span> columns = parts.stream().filter(p -> !lookingAt(NOT_COLUMN, masked, p.start())).toList();
            return Optional.of(new TableStatement(create.group(1), true, parts, columns));
        }
        Matcher alter = ALTER.matcher(masked);
        if (alter.find()) {
            List<Span> parts = split(masked, alter.end(), masked.length());
            List<Span> columns = new ArrayList<>();
            for (Span part : parts) {
                Matcher add = ADD_COLUMN.matcher(masked).region(part.start(), part.end());
                if (add.lookingAt() && !lookingAt(NOT_COLUMN, masked, add.end())) {
                    columns.add(new Span(add.end(), part.end()));
                }
            }
            return Optional.of(new TableStatement(alter.group(1), false, parts, columns));
        }
        return Optional.empty();
    }

    /**
     * The stretch to cut to remove part {@code index} with its comma; empty when it is the only
     * part (the whole statement would go).
     */
    public Optional<Span> removal(int index) {
        if (parts.size() < 2) {
            return Optional.empty();
        }
        if (index > 0) {
            return Optional.of(new Span(parts.get(index - 1).end(), parts.get(index).end()));
        }
        return Optional.of(new Span(parts.get(0).start(), parts.get(1).start()));
    }

    /** A change that removes part {@code index}: the part with its comma, or the statement when it is the only one. */
    public Change removePart(int index, String sql, int statement, String summary) {
        return removal(index).map(span -> Change.splice(statement, sql, span.start(), span.end(), "", summary))
                .orElseGet(() -> create ? null : Change.removal(statement, summary));
    }

    private static boolean lookingAt(Pattern pattern, String text, int at) {
        return pattern.matcher(text).region(at, text.length()).lookingAt();
    }

    private static List<Span> split(String masked, int from, int to) {
        List<Span> parts = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            char c = i < to ? masked.charAt(i) : ',';
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                Span trimmed = trim(masked, start, i);
                if (trimmed.end() > trimmed.start()) {
                    parts.add(trimmed);
                }
                start = i + 1;
            }
        }
        return parts;
    }

    private static Span trim(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Span(start, end);
    }
}
