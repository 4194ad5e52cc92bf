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
 * Reads one up script's statements in order against what the history says exists (tables, their
 * keys, indexes and triggers, renames and drops) and hands the rules {@link SqliteFact}s: each
 * {@code ALTER TABLE} other than a rename as it comes, and what the script did to its tables at its
 * end. It knows SQLite's grammar; the rules know what is wrong.
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

    private final List<SqliteRule> rules;
    private final TextSchema schema;
    private final Set<String> createdInChange;

    Rebuilds(List<SqliteRule> rules, TextSchema schema, Set<String> createdInChange) {
        this.rules = rules;
        this.schema = schema;
        this.createdInChange = createdInChange;
    }

    private void emit(SqliteFact fact, List<Suspicion> found) {
        rules.forEach(rule -> rule.check(fact, found));
    }

    List<Suspicion> read(LintPlan.PlannedScript script, boolean past) {
        List<Suspicion> found = new ArrayList<>();
        Map<String, SqliteFact.Dropped> dropped = new LinkedHashMap<>();
        Map<String, SqliteFact.RenamedAway> renamedAway = new HashMap<>();
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
                    dropped.putIfAbsent(original, new SqliteFact.Dropped(statement, gone));
                } else {
                    schema.dropObject(name);
                }
            } else if ((m = RENAME.matcher(text)).find()) {
                String from = TextSchema.key(m.group(1));
                String to = TextSchema.key(m.group(2));
                if (!legacyRename && !schema.referencing(from).isEmpty()) {
                    renamedAway.put(from, new SqliteFact.RenamedAway(statement, to,
                            TextSchema.written(m.group(1)), TextSchema.written(m.group(2))));
                }
                originally.put(to, originally.getOrDefault(from, from));
                schema.rename(from, to);
            } else if ((m = LEGACY_ALTER.matcher(text)).find()) {
                legacyRename = !m.group(1).matches("(?i)off|false|no|0");
            } else if ((m = ALTER.matcher(text)).find()) {
                String table = TextSchema.key(m.group(1));
                emit(new SqliteFact.Alter(statement, table, m.group(2).strip(), createdInChange.contains(table)), found);
            }
        }
        emit(new SqliteFact.ScriptEnd(renamedAway, dropped, schema), found);
        return found;
    }
}
