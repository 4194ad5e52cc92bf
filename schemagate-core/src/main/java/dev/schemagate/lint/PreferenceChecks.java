package dev.schemagate.lint;

import java.util.List;
import java.util.regex.Pattern;

/** The opt-in type preferences: bigint keys, identity over serial, text over varchar(n), timestamptz. */
final class PreferenceChecks {

    private static final Pattern SMALL_INTEGER = Pattern.compile("^(int|integer|int4|int2|smallint|serial|serial4|smallserial|serial2)$");
    private static final Pattern SERIAL = Pattern.compile("^(serial|serial4|bigserial|serial8|smallserial|serial2)$");
    private static final Pattern VARCHAR = Pattern.compile("^(varchar|character varying)\\s*\\(\\s*\\d+\\s*\\)$");
    private static final Pattern TIMESTAMP = Pattern.compile("^timestamp(\\s*\\(\\d+\\))?(\\s+without time zone)?$");

    private PreferenceChecks() {
    }

    /** Checks one column definition; {@code key} says whether the column is a key. */
    static void column(LintStatement s, String table, ColumnDefinition column, boolean key, List<Suspicion> out) {
        type(s, table, column.name(), column.type(), key || column.has("\\bPRIMARY\\s+KEY\\b|\\bREFERENCES\\b"), out);
    }

    /** Checks a type given to a column. */
    static void type(LintStatement s, String table, String column, String type, boolean key, List<Suspicion> out) {
        String normal = type.replaceAll("\\s+", " ").strip();
        String where = table + "." + column;
        if (key && SMALL_INTEGER.matcher(normal).matches()) {
            out.add(s.suspect(Rules.PREFER_BIGINT, table, "key column " + where + " is " + normal + ", a 32-bit or smaller integer",
                    Suspicion.Need.NONE));
        }
        if (SERIAL.matcher(normal).matches()) {
            out.add(s.suspect(Rules.PREFER_IDENTITY, table, "column " + where + " is " + normal + " rather than an identity column",
                    Suspicion.Need.NONE));
        }
        if (VARCHAR.matcher(normal).matches()) {
            out.add(s.suspect(Rules.PREFER_TEXT, table, "column " + where + " is " + normal + " rather than text",
                    Suspicion.Need.NONE));
        }
        if (TIMESTAMP.matcher(normal).matches()) {
            out.add(s.suspect(Rules.PREFER_TIMESTAMPTZ, table, "column " + where + " is " + normal + " rather than timestamptz",
                    Suspicion.Need.NONE));
        }
    }
}
