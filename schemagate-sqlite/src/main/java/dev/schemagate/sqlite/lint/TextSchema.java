package dev.schemagate.sqlite.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a history's statements say exists, read from their text: the tables, the indexes and
 * triggers of each, and which tables each table's foreign keys reference. Names are SQLite's:
 * unquoted, case-insensitive, without the schema.
 */
final class TextSchema {

    /** A name as SQLite reads one: plain, "quoted", `quoted` or [quoted], possibly schema-qualified. */
    static final String NAME = "((?:\"[^\"]+\"|`[^`]+`|\\[[^\\]]+]|[\\w$]+)(?:\\s*\\.\\s*(?:\"[^\"]+\"|`[^`]+`|\\[[^\\]]+]|[\\w$]+))?)";
    private static final Pattern REFERENCES = Pattern.compile("(?i)\\bREFERENCES\\s+" + NAME);

    final Set<String> tables = new LinkedHashSet<>();
    /** Each table's indexes, by name, with their key columns (an expression as its text). */
    final Map<String, Map<String, List<String>>> indexes = new HashMap<>();
    /** Each table's PRIMARY KEY and UNIQUE constraints, by their columns. */
    final Map<String, List<List<String>>> keys = new HashMap<>();
    final Map<String, Set<String>> triggers = new HashMap<>();
    final Map<String, Set<String>> references = new HashMap<>();

    /** The key of a name: its last part, unquoted, in lower case. */
    static String key(String name) {
        return written(name).toLowerCase(Locale.ROOT);
    }

    /** A name as its script writes it, for people: its last part, unquoted, in its own case. */
    static String written(String name) {
        String last = name.strip();
        int dot = lastDotOutsideQuotes(last);
        if (dot >= 0) {
            last = last.substring(dot + 1).strip();
        }
        if (last.length() >= 2 && (last.startsWith("\"") || last.startsWith("`") || last.startsWith("["))) {
            last = last.substring(1, last.length() - 1);
        }
        return last;
    }

    private static int lastDotOutsideQuotes(String name) {
        char quote = 0;
        int dot = -1;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '[') {
                quote = ']';
            } else if (c == '.') {
                dot = i;
            }
        }
        return dot;
    }

    void createTable(String table, String text) {
        tables.add(table);
        keys.put(table, TableKeys.of(text));
        Set<String> referenced = new LinkedHashSet<>();
        var m = REFERENCES.matcher(text);
        while (m.find()) {
            referenced.add(key(m.group(1)));
        }
        references.put(table, referenced);
    }

    /** Drops a table with its indexes and triggers; returns those objects' names, each index with its columns. */
    Map<String, List<String>> dropTable(String table) {
        tables.remove(table);
        references.remove(table);
        Map<String, List<String>> gone = new LinkedHashMap<>(indexes.getOrDefault(table, Map.of()));
        triggers.getOrDefault(table, Set.of()).forEach(trigger -> gone.put(trigger, null));
        indexes.remove(table);
        keys.remove(table);
        triggers.remove(table);
        return gone;
    }

    void rename(String from, String to) {
        if (tables.remove(from)) {
            tables.add(to);
        }
        move(indexes, from, to);
        move(keys, from, to);
        move(triggers, from, to);
        move(references, from, to);
        references.values().forEach(set -> {
            if (set.remove(from)) {
                set.add(to);
            }
        });
    }

    private static <T> void move(Map<String, T> map, String from, String to) {
        T moved = map.remove(from);
        if (moved != null) {
            map.put(to, moved);
        }
    }

    void dropObject(String name) {
        indexes.values().forEach(map -> map.remove(name));
        triggers.values().forEach(set -> set.remove(name));
    }

    /** The tables other than {@code table} whose foreign keys reference it. */
    Set<String> referencing(String table) {
        Set<String> children = new LinkedHashSet<>();
        references.forEach((child, parents) -> {
            if (!child.equals(table) && parents.contains(table)) {
                children.add(child);
            }
        });
        return children;
    }

    boolean hasObject(String table, String name) {
        return indexes.getOrDefault(table, Map.of()).containsKey(name) || triggers.getOrDefault(table, Set.of()).contains(name);
    }

    /** Whether an index or key of the table begins with these columns, so reads that used an index on them still find one. */
    boolean covers(String table, List<String> columns) {
        List<List<String>> all = new ArrayList<>(keys.getOrDefault(table, List.of()));
        all.addAll(indexes.getOrDefault(table, Map.of()).values());
        return all.stream().anyMatch(key -> key.size() >= columns.size() && key.subList(0, columns.size()).equals(columns));
    }
}
