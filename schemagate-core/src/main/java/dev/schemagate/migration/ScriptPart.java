package dev.schemagate.migration;

/**
 * A run of SQL text inside a script file, with where it starts and how it is to be split.
 *
 * <p>Most parts are split on {@code ;} by the dialect's splitter. Some layouts say otherwise:
 * goose's {@code StatementBegin/End} and Liquibase's {@code splitStatements:false} keep a part
 * whole ({@link #delimiter()} is null), and Liquibase's {@code endDelimiter} names another one.
 *
 * @param sql       the text of the part, exactly as in the file
 * @param line      the 1-based line in the file where {@code sql} starts
 * @param column    the 1-based column of that line where {@code sql} starts
 * @param delimiter what ends a statement: {@code ";"} by default, another string, or null for
 *                  "the whole part is one statement"
 */
public record ScriptPart(String sql, int line, int column, String delimiter) {

    public static final String SEMICOLON = ";";

    public static ScriptPart of(String sql, int line) {
        return new ScriptPart(sql, line, 1, SEMICOLON);
    }

    public boolean keptWhole() {
        return delimiter == null;
    }
}
