package dev.schemagate.mutation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the type of a column definition is written, and the narrower or different type a careless
 * edit would give it ({@code bigint} → {@code integer}, {@code varchar(255)} → {@code varchar(127)}).
 */
public final class ColumnTypes {

    private static final Pattern TYPE_END = Pattern.compile(
            "\\s+(?:DEFAULT|NOT|NULL|CONSTRAINT|REFERENCES|CHECK|UNIQUE|PRIMARY|COLLATE|GENERATED|USING)\\b|$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LENGTH = Pattern.compile("(varchar|character varying|char|character|numeric|decimal)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");
    private static final Pattern ALTER_TYPE = Pattern.compile(
            "ALTER\\s+(?:COLUMN\\s+)?(" + TableStatement.IDENT + ")\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+", Pattern.CASE_INSENSITIVE);

    private ColumnTypes() {
    }

    /** The type's text in a column definition span (from the column name), or empty. */
    public static Optional<Span> typeOf(String masked, Span column) {
        Matcher name = Pattern.compile(TableStatement.IDENT + "\\s+").matcher(masked).region(column.start(), column.end());
        if (!name.lookingAt()) {
            return Optional.empty();
        }
        return typeFrom(masked, name.end(), column.end());
    }

    /** The type of an {@code ALTER COLUMN c TYPE t} action, or empty when the action is not one. */
    public static Optional<Span> alteredType(String masked, Span action) {
        Matcher alter = ALTER_TYPE.matcher(masked).region(action.start(), action.end());
        return alter.lookingAt() ? typeFrom(masked, alter.end(), action.end()) : Optional.empty();
    }

    private static Optional<Span> typeFrom(String masked, int start, int end) {
        Matcher stop = TYPE_END.matcher(masked).region(start, end);
        int typeEnd = stop.find() ? stop.start() : end;
        return typeEnd > start ? Optional.of(new Span(start, typeEnd)) : Optional.empty();
    }

    /** A narrower type that still reads as the same kind, or empty when the type has none here. */
    public static Optional<String> narrower(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher length = LENGTH.matcher(t);
        if (length.matches()) {
            int n = Integer.parseInt(length.group(2));
            if (length.group(3) != null && Integer.parseInt(length.group(3)) > 0) {
                return Optional.of(length.group(1) + "(" + n + ",0)");
            }
            return n >= 2 ? Optional.of(length.group(1) + "(" + n / 2 + ")") : Optional.empty();
        }
        return Optional.ofNullable(switch (t) {
            case "bigint" -> "integer";
            case "integer", "int" -> "smallint";
            case "text" -> "varchar(8)";
            case "timestamp with time zone" -> "timestamp";
            case "double precision" -> "real";
            default -> null;
        });
    }
}
