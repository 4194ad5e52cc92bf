package dev.schemagate.postgres.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the static linter remembers while it reads a migration history in order: which tables the
 * current migration created, which index belongs to which table, views and their text, column
 * types, NOT NULL checks, and the state of the current script (lock_timeout set, explicit
 * transaction, enum values added). It is the text's best guess; the observed run knows for sure.
 */
final class LintMemory {

    private final Set<String> createdHere = new HashSet<>();
    private final Map<String, String> indexTables = new HashMap<>();
    private final Map<String, String> views = new HashMap<>();
    private final Map<String, String> columnTypes = new HashMap<>();
    private final Set<String> notNullChecks = new HashSet<>();
    private final Set<String> enumValuesAdded = new HashSet<>();
    private final Set<String> notValidAdded = new HashSet<>();
    private final Set<String> lockedByDdl = new HashSet<>();
    private boolean lockTimeout;
    private boolean explicitTransaction;

    void startMigration() {
        createdHere.clear();
    }

    void startScript() {
        lockTimeout = false;
        explicitTransaction = false;
        enumValuesAdded.clear();
        notValidAdded.clear();
        lockedByDdl.clear();
    }

    /** A constraint added NOT VALID in the current transaction. */
    void notValidAdded(String table, String constraint) {
        notValidAdded.add(table + "." + constraint);
    }

    boolean addedNotValidHere(String table, String constraint) {
        return notValidAdded.contains(table + "." + constraint);
    }

    /** DDL in the current transaction locked the table until it commits. */
    void lockedByDdl(String table) {
        lockedByDdl.add(table);
    }

    boolean isLockedByDdl(String table) {
        return lockedByDdl.contains(table);
    }

    void created(String table) {
        createdHere.add(table);
    }

    /** True unless the table was created earlier in the same migration. */
    boolean existing(String table) {
        return table == null || !createdHere.contains(table);
    }

    void index(String index, String table) {
        indexTables.put(index, table);
    }

    String tableOfIndex(String index) {
        return indexTables.get(index);
    }

    void view(String name, String body) {
        views.put(name, body);
    }

    void dropView(String name) {
        views.remove(name);
    }

    /** The name of a view whose text reads both the table and the column, or null. */
    String viewReading(String table, String column) {
        Pattern t = word(table);
        Pattern c = word(column);
        return views.entrySet().stream()
                .filter(v -> t.matcher(v.getValue()).find() && c.matcher(v.getValue()).find())
                .map(Map.Entry::getKey).sorted().findFirst().orElse(null);
    }

    void columnType(String table, String column, String type) {
        columnTypes.put(table + "." + column, type.toLowerCase(Locale.ROOT));
    }

    String columnType(String table, String column) {
        return columnTypes.get(table + "." + column);
    }

    void notNullCheck(String table, String column) {
        notNullChecks.add(table + "." + column);
    }

    boolean hasNotNullCheck(String table, String column) {
        return notNullChecks.contains(table + "." + column);
    }

    void enumValueAdded(String value) {
        enumValuesAdded.add(value);
    }

    boolean enumValueAdded(Iterable<String> literals) {
        for (String literal : literals) {
            if (enumValuesAdded.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    void lockTimeout(boolean set) {
        lockTimeout = set;
    }

    boolean lockTimeout() {
        return lockTimeout;
    }

    void explicitTransaction(boolean open) {
        explicitTransaction = open;
        if (!open) {
            notValidAdded.clear();
            lockedByDdl.clear();
        }
    }

    boolean explicitTransaction() {
        return explicitTransaction;
    }

    private static Pattern word(String name) {
        return Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(name) + "\"?(?![\\w$])", Pattern.CASE_INSENSITIVE);
    }
}
