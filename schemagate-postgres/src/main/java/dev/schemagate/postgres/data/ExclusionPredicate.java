package dev.schemagate.postgres.data;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an exclusion constraint's definition (as {@code pg_get_constraintdef} writes it) lets the
 * probe prove. A copy of a row's key breaks it when every operator is {@code =} or {@code &&}; with a
 * WHERE clause, only when both rows are inside the predicate, which the probe can arrange when the
 * predicate sets one column: {@code (status = 'booked'::text)}, {@code (active)},
 * {@code (NOT cancelled)} or {@code (deleted_at IS NULL)}.
 *
 * @param column    the column the predicate reads, as the schema names it; null without a WHERE
 * @param value     the SQL expression that puts a row inside the predicate; null without a WHERE
 * @param predicate the WHERE clause's expression; null without a WHERE
 */
record ExclusionPredicate(String column, String value, String predicate) {

    private static final String IDENT = "([a-z_][a-z0-9_$]*|\"(?:[^\"]|\"\")+\")";
    private static final String CONSTANT = "('(?:[^']|'')*'::[\\w .\"]+|-?\\d+(?:\\.\\d+)?|true|false)";
    private static final Pattern EQUALS = Pattern.compile("\\(" + IDENT + " = " + CONSTANT + "\\)");
    private static final Pattern TRUE = Pattern.compile(IDENT);
    private static final Pattern FALSE = Pattern.compile("\\(NOT " + IDENT + "\\)");
    private static final Pattern NULL = Pattern.compile("\\(" + IDENT + " IS NULL\\)");
    private static final Pattern WITH = Pattern.compile(" WITH (\\S+?)[,)]");

    /** The definition's predicate when the probe can prove the constraint, else null. */
    static ExclusionPredicate of(String definition) {
        if (!operatorsConflict(definition)) {
            return null;
        }
        int where = definition.indexOf(" WHERE (");
        if (where < 0) {
            return new ExclusionPredicate(null, null, null);
        }
        String predicate = definition.substring(where + " WHERE (".length(), definition.length() - 1);
        Matcher m;
        if ((m = EQUALS.matcher(predicate)).matches()) {
            return new ExclusionPredicate(unquoted(m.group(1)), m.group(2), predicate);
        }
        if ((m = TRUE.matcher(predicate)).matches()) {
            return new ExclusionPredicate(unquoted(m.group(1)), "true", predicate);
        }
        if ((m = FALSE.matcher(predicate)).matches()) {
            return new ExclusionPredicate(unquoted(m.group(1)), "false", predicate);
        }
        if ((m = NULL.matcher(predicate)).matches()) {
            return new ExclusionPredicate(unquoted(m.group(1)), "NULL", predicate);
        }
        return null;
    }

    /** Whether the constraint has a WHERE clause the probe must put both rows inside. */
    boolean partial() {
        return predicate != null;
    }

    /** Every operator is one a row's copy of its own key conflicts with. */
    private static boolean operatorsConflict(String definition) {
        int where = definition.indexOf(" WHERE (");
        Matcher with = WITH.matcher(where < 0 ? definition : definition.substring(0, where));
        boolean any = false;
        while (with.find()) {
            any = true;
            if (!with.group(1).equals("=") && !with.group(1).equals("&&")) {
                return false;
            }
        }
        return any;
    }

    private static String unquoted(String ident) {
        return ident.startsWith("\"") ? ident.substring(1, ident.length() - 1).replace("\"\"", "\"") : ident;
    }
}
