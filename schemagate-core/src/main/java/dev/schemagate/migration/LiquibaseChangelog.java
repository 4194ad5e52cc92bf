package dev.schemagate.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts one Liquibase formatted SQL file into its changesets, as Liquibase's own parser does: a
 * {@code --changeset author:id [attributes]} line starts one; {@code --rollback <sql>} lines and
 * {@code /* liquibase rollback} ... <code>*&#47;</code> blocks anywhere in it give its rollback; other
 * Liquibase directives ({@code --comment}, {@code --preconditions}, {@code --validCheckSum}) are
 * not SQL; every other line is. Lines before the first changeset are ignored, as Liquibase does.
 *
 * <p>Each run of SQL lines is a part that starts on its own line. Consecutive {@code --rollback}
 * lines are joined into one part that starts where the first one's SQL starts; its later lines
 * keep their line numbers but not their columns. {@code --rollback:} (with a colon, as Atlas writes
 * it) counts as a rollback line too, though Liquibase itself would take it for a comment.
 */
final class LiquibaseChangelog {

    /** A changeset as written: where it starts, its attributes, its SQL parts and its rollback parts. */
    record Changeset(int index, String author, String id, int line, Attributes attributes,
                     List<ScriptPart> sql, List<ScriptPart> rollback) {

        /** This changeset with its parts no longer open to additions. */
        Changeset frozen() {
            return new Changeset(index, author, id, line, attributes, List.copyOf(sql), List.copyOf(rollback));
        }
    }

    /** The {@code key:value} attributes of a {@code --changeset} line. */
    record Attributes(String text) {

        String get(String key) {
            Matcher value = Pattern.compile("(?:^|\\s)" + key + ":(\\S*)", Pattern.CASE_INSENSITIVE).matcher(text);
            return value.find() ? value.group(1) : null;
        }

        boolean isFalse(String key) {
            return "false".equalsIgnoreCase(get(key));
        }

        /** The delimiter of a part: none when {@code splitKey} is false, else {@code delimiterKey}'s or {@code ;}. */
        String delimiter(String splitKey, String delimiterKey) {
            if (isFalse(splitKey)) {
                return null;
            }
            String delimiter = get(delimiterKey);
            return delimiter == null || delimiter.isEmpty() ? ScriptPart.SEMICOLON : delimiter;
        }
    }

    private static final Pattern CHANGESET = Pattern.compile(
            "\\s*--\\s*changeset\\s+(\"[^\"]+\"|[^:]+):\\s*(\"[^\"]+\"|\\S+)(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLLBACK = Pattern.compile("\\s*--\\s*rollback:?\\s(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLLBACK_BLOCK = Pattern.compile("\\s*/\\*\\s*liquibase\\s*rollback\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_END = Pattern.compile("(.*?)\\*/\\s*");
    private static final Pattern DIRECTIVE = Pattern.compile(
            "\\s*--\\s*(comments?:?|preconditions|precondition-[A-Za-z0-9-]+|validCheckSum:?)(\\s.*)?", Pattern.CASE_INSENSITIVE);

    private final SourceFile file;
    private final TextLines lines;
    private final List<Changeset> changesets = new ArrayList<>();
    private Changeset current;
    private int sqlStart;
    private StringBuilder rollbackText;
    private int rollbackLine;
    private int rollbackColumn;

    private LiquibaseChangelog(SourceFile file) {
        this.file = file;
        this.lines = new TextLines(file.text());
    }

    /** The changesets of a file, in file order. */
    static List<Changeset> parse(SourceFile file) {
        return new LiquibaseChangelog(file).changesets();
    }

    private List<Changeset> changesets() {
        for (int i = 0; i < lines.count(); i++) {
            String line = lines.line(i);
            Matcher changeset = CHANGESET.matcher(line);
            Matcher rollback = ROLLBACK.matcher(line);
            if (changeset.matches()) {
                finish(i);
                current = new Changeset(changesets.size() + 1, unquote(changeset.group(1)), unquote(changeset.group(2)),
                        i + 1, new Attributes(changeset.group(3)), new ArrayList<>(), new ArrayList<>());
            } else if (current == null) {
                continue;
            } else if (rollback.matches()) {
                endSql(i);
                addRollbackLine(i, rollback);
            } else if (ROLLBACK_BLOCK.matcher(line).matches()) {
                endSql(i);
                endRollbackLines();
                i = rollbackBlock(i);
            } else if (DIRECTIVE.matcher(line).matches()) {
                endSql(i);
                endRollbackLines();
            } else {
                endRollbackLines();
                continue;
            }
            sqlStart = i + 1;
        }
        finish(lines.count());
        return changesets;
    }

    private void finish(int end) {
        if (current != null) {
            endSql(end);
            endRollbackLines();
            changesets.add(current.frozen());
        }
    }

    private void endSql(int end) {
        String delimiter = current.attributes().delimiter("splitStatements", "endDelimiter");
        current.sql().addAll(lines.part(sqlStart, end, delimiter));
        sqlStart = end;
    }

    private void addRollbackLine(int line, Matcher rollback) {
        if (rollbackText == null) {
            rollbackText = new StringBuilder(rollback.group(1));
            rollbackLine = line + 1;
            rollbackColumn = rollback.start(1) + 1;
        } else {
            rollbackText.append('\n').append(rollback.group(1));
        }
    }

    private void endRollbackLines() {
        if (rollbackText != null) {
            current.rollback().add(new ScriptPart(rollbackText.toString(), rollbackLine, rollbackColumn, rollbackDelimiter()));
            rollbackText = null;
        }
    }

    /** Reads a rollback block that opens on line {@code start}; returns the line that closes it. */
    private int rollbackBlock(int start) {
        for (int end = start + 1; end < lines.count(); end++) {
            Matcher close = BLOCK_END.matcher(lines.line(end));
            if (close.matches()) {
                String sql = lines.between(start + 1, end) + close.group(1);
                if (!sql.isBlank()) {
                    current.rollback().add(new ScriptPart(sql, start + 2, 1, rollbackDelimiter()));
                }
                return end;
            }
        }
        throw new InputException(file.path() + ":" + (start + 1) + ": the rollback block is not closed; end it with '*/'");
    }

    private String rollbackDelimiter() {
        return current.attributes().delimiter("rollbackSplitStatements", "rollbackEndDelimiter");
    }

    private static String unquote(String text) {
        String trimmed = text.trim();
        return trimmed.length() > 1 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
