package dev.schemagate.sqlite.lint;

import dev.schemagate.check.Severity;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.schemagate.sqlite.lint.TextSchema.NAME;

/**
 * {@code lint.sqlite-alter-table-unsupported}: what SQLite's {@code ALTER TABLE} cannot do at all,
 * or only while the table is empty.
 */
public final class AlterTableUnsupported implements SqliteRule {

    public static final Rule RULE = new Rule("lint.sqlite-alter-table-unsupported", Severity.ERROR, false,
            "SQLite's ALTER TABLE can only rename a table, rename, add or drop a column; some additions work only"
                    + " while the table is empty, so they pass on a scratch database and fail on one with rows.",
            "Rebuild the table with SQLite's procedure: create the new table under a new name, copy the rows, drop the"
                    + " old table, rename the new one, recreate its indexes, triggers and views.");
    private static final Pattern ADD_COLUMN = Pattern.compile("(?is)^ADD\\s+(?:COLUMN\\s+)?" + NAME + "\\s*(.*)$");
    private static final Pattern NEVER_ADDED = Pattern.compile("(?i)\\bPRIMARY\\s+KEY\\b|\\bUNIQUE\\b|\\bSTORED\\b");
    private static final Pattern NOT_NULL = Pattern.compile("(?i)\\bNOT\\s+NULL\\b");
    private static final Pattern DEFAULT = Pattern.compile("(?i)\\bDEFAULT\\s+(\\S+)");
    private static final Pattern NON_CONSTANT = Pattern.compile("(?i)^(?:CURRENT_TIME|CURRENT_DATE|CURRENT_TIMESTAMP|\\()");

    @Override
    public Rule rule() {
        return RULE;
    }

    /** An {@code ALTER TABLE} other than a rename: what SQLite cannot do at all, or only on an empty table. */
    @Override
    public void check(SqliteFact fact, List<Suspicion> found) {
        if (!(fact instanceof SqliteFact.Alter alter)) {
            return;
        }
        String table = alter.table();
        String action = alter.action();
        String upper = action.toUpperCase(java.util.Locale.ROOT);
        if (upper.startsWith("RENAME") || upper.matches("^DROP\\s+(?:COLUMN\\s+)?(?!CONSTRAINT\\b|PRIMARY\\b|INDEX\\b|KEY\\b|FOREIGN\\b)\\S.*")) {
            return;
        }
        Matcher column = ADD_COLUMN.matcher(action);
        boolean addsConstraint = upper.matches("^ADD\\s+(?:CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|CHECK|INDEX|KEY)\\b.*");
        if (!addsConstraint && column.find()) {
            String definition = column.group(2);
            String name = TextSchema.key(column.group(1));
            if (NEVER_ADDED.matcher(definition).find()) {
                found.add(suspect(alter, name, "adds column " + name + " as a PRIMARY KEY, UNIQUE or STORED"
                        + " column, which SQLite's ADD COLUMN never allows", Suspicion.Need.NONE));
                return;
            }
            Matcher defaultValue = DEFAULT.matcher(definition);
            String value = defaultValue.find() ? defaultValue.group(1) : null;
            boolean noDefault = value == null || value.equalsIgnoreCase("NULL");
            if (NOT_NULL.matcher(definition).find() && noDefault) {
                found.add(suspect(alter, name, "adds NOT NULL column " + name + " without a default: SQLite"
                        + " refuses it on a table with rows (\"Cannot add a NOT NULL column with default value NULL\")",
                        Suspicion.Need.EXISTING_TABLE));
            } else if (value != null && NON_CONSTANT.matcher(value).find()) {
                found.add(suspect(alter, name, "adds column " + name + " with the non-constant default " + value
                        + ": SQLite refuses it on a table with rows (\"Cannot add a column with non-constant default\")",
                        Suspicion.Need.EXISTING_TABLE));
            }
            return;
        }
        String verb = action.split("\\s+").length > 1 ? action.split("\\s+")[0] + " " + action.split("\\s+")[1] : action;
        found.add(suspect(alter, null, "runs ALTER TABLE " + table + " " + verb.toUpperCase(java.util.Locale.ROOT)
                + ", which SQLite's ALTER TABLE does not have", Suspicion.Need.NONE));
    }

    private static Suspicion suspect(SqliteFact.Alter alter, String column, String message, Suspicion.Need need) {
        return new Suspicion(RULE, alter.statement(), alter.table(), column, message, need, alter.createdInChange());
    }
}
