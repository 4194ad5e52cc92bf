package dev.schemagate.postgres.lint;

import dev.schemagate.lint.SqlText;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One column definition as written in CREATE TABLE or ADD COLUMN: its name, its type and the
 * constraints that follow.
 *
 * @param name        the column name, folded
 * @param type        the type as written, lower case, such as {@code varchar(50)}
 * @param constraints the rest: NOT NULL, DEFAULT ..., REFERENCES ...
 */
record ColumnDefinition(String name, String type, String constraints) {

    private static final Pattern DEFINITION = Pattern.compile("^\\s*(" + SqlText.IDENT + ")\\s+(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CONSTRAINT_START = Pattern.compile(
            "\\s(NOT\\s+NULL|NULL|DEFAULT|PRIMARY|REFERENCES|UNIQUE|CHECK|CONSTRAINT|GENERATED|COLLATE)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DEFAULT = Pattern.compile(
            "\\bDEFAULT\\s+(.*?)(?:\\s+(?:NOT\\s+NULL|NULL|PRIMARY|REFERENCES|UNIQUE|CHECK|CONSTRAINT)\\b.*)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE_CONSTRAINT = Pattern.compile(
            "^\\s*(CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN|EXCLUDE|LIKE)\\b", Pattern.CASE_INSENSITIVE);

    /** Reads one element of a column list; empty for a table constraint or LIKE. */
    static Optional<ColumnDefinition> parse(String element) {
        if (TABLE_CONSTRAINT.matcher(element).find()) {
            return Optional.empty();
        }
        Matcher m = DEFINITION.matcher(element);
        if (!m.find()) {
            return Optional.empty();
        }
        String rest = " " + m.group(2).strip();
        Matcher constraint = CONSTRAINT_START.matcher(rest);
        int cut = constraint.find() ? constraint.start() : rest.length();
        return Optional.of(new ColumnDefinition(SqlText.unquote(m.group(1)),
                rest.substring(0, cut).strip().toLowerCase(Locale.ROOT), rest.substring(cut).strip()));
    }

    boolean has(String regex) {
        return SqlText.pattern(regex).matcher(constraints).find();
    }

    /** The default expression, if the definition has one. */
    Optional<String> defaultValue() {
        Matcher m = DEFAULT.matcher(constraints);
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }
}
