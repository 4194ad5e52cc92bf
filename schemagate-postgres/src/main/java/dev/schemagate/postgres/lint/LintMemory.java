package dev.schemagate.postgres.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the static linter remembers while it reads a migration history in order: which tables the
 * current migration created, which index belongs to which table, views and their text, column
 * types, NOT NULL checks, and the state of the current script (lock_timeout set, explicit
 * transaction, enum values added). Tables are kept with their schema when the text gives one
 * ({@link TableName}). It is the text's best guess; the observed run knows for sure.
 */
final class LintMemory {

    /** Something remembered about one part (a column, a constraint) of a table. */
    private record Part(TableName table, String part) {
    }

    private final List<TableName> createdHere = new ArrayList<>();
    private final Map<String, TableName> indexTables = new LinkedHashMap<>();
    private final Map<TableName, String> views = new LinkedHashMap<>();
    private final List<Map.Entry<Part, String>> columnTypes = new ArrayList<>();
    private final List<Part> notNullChecks = new ArrayList<>();
    private final Set<String> enumValuesAdded = new HashSet<>();
    private final List<Part> notValidAdded = new ArrayList<>();
    private final List<TableName> lockedByDdl = new ArrayList<>();
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
    void notValidAdded(TableName table, String constraint) {
        notValidAdded.add(new Part(table, constraint));
    }

    boolean addedNotValidHere(TableName table, String constraint) {
        return holds(notValidAdded, table, constraint);
    }

    /** DDL in the current transaction locked the table until it commits. */
    void lockedByDdl(TableName table) {
        lockedByDdl.add(table);
    }

    boolean isLockedByDdl(TableName table) {
        return lockedByDdl.stream().anyMatch(table::sameAs);
    }

    void created(TableName table) {
        createdHere.add(table);
    }

    /** True unless the table was created earlier in the same migration. */
    boolean existing(TableName table) {
        return table == null || createdHere.stream().noneMatch(table::sameAs);
    }

    void index(String index, TableName table) {
        indexTables.put(index, table);
    }

    TableName tableOfIndex(String index) {
        return indexTables.get(index);
    }

    void view(TableName name, String body) {
        views.keySet().removeIf(name::sameAs);
        views.put(name, body);
    }

    void dropView(TableName name) {
        views.keySet().removeIf(name::sameAs);
    }

    /** The name of a view whose text reads both the table and the column, or null. */
    String viewReading(TableName table, String column) {
        Pattern t = word(table.name());
        Pattern c = word(column);
        return views.entrySet().stream()
                .filter(v -> t.matcher(v.getValue()).find() && c.matcher(v.getValue()).find())
                .map(v -> v.getKey().name()).sorted().findFirst().orElse(null);
    }

    void columnType(TableName table, String column, String type) {
        columnTypes.add(Map.entry(new Part(table, column), type.toLowerCase(Locale.ROOT)));
    }

    /** The type the text last gave the column, or null. */
    String columnType(TableName table, String column) {
        for (int i = columnTypes.size() - 1; i >= 0; i--) {
            Part part = columnTypes.get(i).getKey();
            if (part.part().equals(column) && part.table().sameAs(table)) {
                return columnTypes.get(i).getValue();
            }
        }
        return null;
    }

    void notNullCheck(TableName table, String column) {
        notNullChecks.add(new Part(table, column));
    }

    boolean hasNotNullCheck(TableName table, String column) {
        return holds(notNullChecks, table, column);
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

    private static boolean holds(List<Part> parts, TableName table, String part) {
        return parts.stream().anyMatch(p -> p.part().equals(part) && p.table().sameAs(table));
    }

    private static Pattern word(String name) {
        return Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(name) + "\"?(?![\\w$])", Pattern.CASE_INSENSITIVE);
    }
}
