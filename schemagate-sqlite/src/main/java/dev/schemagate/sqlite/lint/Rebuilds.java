package dev.schemagate.sqlite.lint;

import dev.schemagate.lint.LintPlan;
import dev.schemagate.lint.SqlText;
import dev.schemagate.lint.Suspicion;
import dev.schemagate.migration.Statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.schemagate.sqlite.lint.TextSchema.NAME;

/**
 * Reads one up script's statements in order against what the history says exists, and suspects
 * what {@link SqliteRules} forbid: an {@code ALTER TABLE} SQLite cannot run, a rebuild that renames
 * the old table while other tables' foreign keys point at it, a rebuild whose table ends the script
 * without the indexes and triggers the dropped table had.
 */
final class Rebuilds {

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?is)^CREATE\\s+(?:TEMP(?:ORARY)?\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME);
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "(?is)^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+ON\\s+" + NAME);
    private static final Pattern CREATE_TRIGGER = Pattern.compile(
            "(?is)^CREATE\\s+(?:TEMP(?:ORARY)?\\s+)?TRIGGER\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s.*?\\bON\\s+" + NAME);
    private static final Pattern DROP = Pattern.compile("(?is)^DROP\\s+(INDEX|TRIGGER|TABLE)\\s+(?:IF\\s+EXISTS\\s+)?" + NAME);
    private static final Pattern RENAME = Pattern.compile("(?is)^ALTER\\s+TABLE\\s+" + NAME + "\\s+RENAME\\s+TO\\s+" + NAME);
    private static final Pattern LEGACY_ALTER = Pattern.compile("(?i)^PRAGMA\\s+(?:\\w+\\.)?legacy_alter_table\\s*=\\s*'?(\\w+)");
    private static final Pattern ALTER = Pattern.compile("(?is)^ALTER\\s+TABLE\\s+" + NAME + "\\s+(.*)$");
    private static final Pattern ADD_COLUMN = Pattern.compile("(?is)^ADD\\s+(?:COLUMN\\s+)?" + NAME + "\\s*(.*)$");
    private static final Pattern NEVER_ADDED = Pattern.compile("(?i)\\bPRIMARY\\s+KEY\\b|\\bUNIQUE\\b|\\bSTORED\\b");
    private static final Pattern NOT_NULL = Pattern.compile("(?i)\\bNOT\\s+NULL\\b");
    private static final Pattern DEFAULT = Pattern.compile("(?i)\\bDEFAULT\\s+(\\S+)");
    private static final Pattern NON_CONSTANT = Pattern.compile("(?i)^(?:CURRENT_TIME|CURRENT_DATE|CURRENT_TIMESTAMP|\\()");

    private final TextSchema schema;
    private final Set<String> createdInChange;

    Rebuilds(TextSchema schema, Set<String> createdInChange) {
        this.schema = schema;
        this.createdInChange = createdInChange;
    }

    List<Suspicion> read(LintPlan.PlannedScript script, boolean past) {
        List<Suspicion> found = new ArrayList<>();
        Map<String, Dropped> dropped = new LinkedHashMap<>();
        Map<String, RenamedAway> renamedAway = new HashMap<>();
        Map<String, String> originally = new HashMap<>();
        boolean legacyRename = false;
        for (Statement statement : script.statements()) {
            if (statement.kind() != Statement.Kind.SQL) {
                continue;
            }
            String text = SqlText.of(statement.sql()).masked();
            Matcher m;
            if ((m = CREATE_TABLE.matcher(text)).find()) {
                String table = TextSchema.key(m.group(1));
                schema.createTable(table, text);
                if (!past) {
                    createdInChange.add(table);
                }
            } else if ((m = CREATE_INDEX.matcher(text)).find()) {
                schema.indexes.computeIfAbsent(TextSchema.key(m.group(2)), k -> new LinkedHashMap<>())
                        .put(TextSchema.key(m.group(1)), TableKeys.columns(text.substring(m.end())));
            } else if ((m = CREATE_TRIGGER.matcher(text)).find()) {
                schema.triggers.computeIfAbsent(TextSchema.key(m.group(2)), k -> new java.util.LinkedHashSet<>())
                        .add(TextSchema.key(m.group(1)));
            } else if ((m = DROP.matcher(text)).find()) {
                String name = TextSchema.key(m.group(2));
                if (m.group(1).equalsIgnoreCase("TABLE")) {
                    Map<String, List<String>> gone = schema.dropTable(name);
                    String original = originally.getOrDefault(name, name);
                    dropped.putIfAbsent(original, new Dropped(statement, gone));
                } else {
                    schema.dropObject(name);
                }
            } else if ((m = RENAME.matcher(text)).find()) {
                String from = TextSchema.key(m.group(1));
                String to = TextSchema.key(m.group(2));
                if (!legacyRename && !schema.referencing(from).isEmpty()) {
                    renamedAway.put(from, new RenamedAway(statement, to));
                }
                originally.put(to, originally.getOrDefault(from, from));
                schema.rename(from, to);
            } else if ((m = LEGACY_ALTER.matcher(text)).find()) {
                legacyRename = !m.group(1).matches("(?i)off|false|no|0");
            } else if ((m = ALTER.matcher(text)).find()) {
                alter(statement, TextSchema.key(m.group(1)), m.group(2).strip(), found);
            }
        }
        renamedAway.forEach((table, away) -> {
            Set<String> still = schema.referencing(away.to());
            if (schema.tables.contains(table) && !still.isEmpty()) {
                found.add(new Suspicion(SqliteRules.REBUILD_RENAMES_OLD, away.statement(), table, null,
                        "renames " + table + " to " + away.to() + " and creates " + table + " again, while "
                                + String.join(", ", still) + " reference it: their foreign keys now point at " + away.to(),
                        Suspicion.Need.NONE, false));
            }
        });
        dropped.forEach((table, drop) -> {
            if (!schema.tables.contains(table)) {
                return;
            }
            List<String> missing = drop.objects().entrySet().stream()
                    .filter(object -> !schema.hasObject(table, object.getKey())
                            && (object.getValue() == null || !schema.covers(table, object.getValue())))
                    .map(Map.Entry::getKey).toList();
            if (!missing.isEmpty()) {
                found.add(new Suspicion(SqliteRules.REBUILD_LOSES_OBJECTS, drop.statement(), table, null,
                        "rebuilds " + table + " without creating again what the drop took with it: " + String.join(", ", missing),
                        Suspicion.Need.NONE, false));
            }
        });
        return found;
    }

    /** An {@code ALTER TABLE} other than a rename: what SQLite cannot do at all, or only on an empty table. */
    private void alter(Statement statement, String table, String action, List<Suspicion> found) {
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
                found.add(suspect(statement, table, name, "adds column " + name + " as a PRIMARY KEY, UNIQUE or STORED"
                        + " column, which SQLite's ADD COLUMN never allows", Suspicion.Need.NONE));
                return;
            }
            Matcher defaultValue = DEFAULT.matcher(definition);
            String value = defaultValue.find() ? defaultValue.group(1) : null;
            boolean noDefault = value == null || value.equalsIgnoreCase("NULL");
            if (NOT_NULL.matcher(definition).find() && noDefault) {
                found.add(suspect(statement, table, name, "adds NOT NULL column " + name + " without a default: SQLite"
                        + " refuses it on a table with rows (\"Cannot add a NOT NULL column with default value NULL\")",
                        Suspicion.Need.EXISTING_TABLE));
            } else if (value != null && NON_CONSTANT.matcher(value).find()) {
                found.add(suspect(statement, table, name, "adds column " + name + " with the non-constant default " + value
                        + ": SQLite refuses it on a table with rows (\"Cannot add a column with non-constant default\")",
                        Suspicion.Need.EXISTING_TABLE));
            }
            return;
        }
        String verb = action.split("\\s+").length > 1 ? action.split("\\s+")[0] + " " + action.split("\\s+")[1] : action;
        found.add(suspect(statement, table, null, "runs ALTER TABLE " + table + " " + verb.toUpperCase(java.util.Locale.ROOT)
                + ", which SQLite's ALTER TABLE does not have", Suspicion.Need.NONE));
    }

    private Suspicion suspect(Statement statement, String table, String column, String message, Suspicion.Need need) {
        return new Suspicion(SqliteRules.ALTER_UNSUPPORTED, statement, table, column, message, need,
                createdInChange.contains(table));
    }

    /** A table a script dropped, and the indexes (with their columns) and triggers (with none) that went with it. */
    private record Dropped(Statement statement, Map<String, List<String>> objects) {
    }

    /** A table renamed out of the way while other tables referenced it. */
    private record RenamedAway(Statement statement, String to) {
    }
}
