package dev.schemagate.sqlite;

import dev.schemagate.model.Constraint;
import dev.schemagate.model.Index;
import dev.schemagate.model.IndexKey;
import dev.schemagate.model.QualifiedName;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table's keys and indexes from the pragma rows: the primary key from the columns' {@code pk}
 * positions, unique constraints from the indexes SQLite made for them (origin {@code u}), foreign
 * keys from {@code foreign_key_list}, and the indexes written with {@code CREATE INDEX} (origin
 * {@code c}). The automatic indexes behind keys are the keys themselves, so they are not listed
 * again: their names ({@code sqlite_autoindex_t_2}) only count declarations.
 */
final class SqliteKeys {

    private static final Pattern WHERE = Pattern.compile("(?is)\\bWHERE\\b(.*)$");

    private SqliteKeys() {
    }

    /**
     * @param allColumns every table's column rows, for a foreign key that names no columns and so
     *                   references its parent's primary key
     */
    static List<Constraint> constraints(String table, List<Row> columns, List<Row> indexes, List<Row> keys,
                                        Map<String, List<Row>> allColumns) {
        List<Constraint> constraints = new ArrayList<>();
        List<String> primary = primaryKey(columns);
        if (!primary.isEmpty()) {
            constraints.add(key(table + "_pkey", Constraint.Type.PRIMARY_KEY, "PRIMARY KEY", primary));
        }
        for (Map.Entry<String, List<Row>> index : byIndex(indexes).entrySet()) {
            Row first = index.getValue().get(0);
            if (first.text("origin").equals("u")) {
                List<String> keyColumns = keyRows(index.getValue()).stream().map(r -> r.text("column_name")).toList();
                constraints.add(key(table + "_" + String.join("_", keyColumns) + "_key", Constraint.Type.UNIQUE, "UNIQUE", keyColumns));
            }
        }
        Map<Integer, List<Row>> foreign = new LinkedHashMap<>();
        keys.forEach(row -> foreign.computeIfAbsent(row.integer("id"), id -> new ArrayList<>()).add(row));
        for (List<Row> key : foreign.values()) {
            constraints.add(foreignKey(table, key, allColumns.getOrDefault(key.get(0).text("table"), List.of())));
        }
        return constraints;
    }

    private static List<String> primaryKey(List<Row> columns) {
        return columns.stream().filter(c -> c.integer("pk") > 0)
                .sorted(Comparator.comparingInt(c -> c.integer("pk"))).map(c -> c.text("name")).toList();
    }

    private static Constraint key(String name, Constraint.Type type, String words, List<String> columns) {
        return new Constraint(name, type, words + " (" + String.join(", ", columns) + ")", columns, null, List.of(),
                null, null, null, false, false, true, false, null);
    }

    private static Constraint foreignKey(String table, List<Row> key, List<Row> parentColumns) {
        Row first = key.get(0);
        List<String> from = key.stream().map(r -> r.text("from")).toList();
        List<String> to = key.stream().map(r -> r.text("to")).filter(c -> c != null).toList();
        if (to.isEmpty()) {
            to = primaryKey(parentColumns);
        }
        String parent = first.text("table");
        String definition = "FOREIGN KEY (" + String.join(", ", from) + ") REFERENCES " + parent
                + (to.isEmpty() ? "" : " (" + String.join(", ", to) + ")")
                + " ON UPDATE " + first.text("on_update") + " ON DELETE " + first.text("on_delete");
        return new Constraint(table + "_" + String.join("_", from) + "_fkey", Constraint.Type.FOREIGN_KEY, definition,
                from, new QualifiedName(SqliteIntrospector.SCHEMA, parent), to, first.text("on_update"),
                first.text("on_delete"), "NONE".equals(first.text("match")) ? null : first.text("match"),
                false, false, true, false, null);
    }

    /**
     * The indexes written with {@code CREATE INDEX}. Their keys, uniqueness and predicate say all
     * there is to compare; the text as written ({@code (a ASC)} or {@code (a)}) is kept only for an
     * index on expressions, which the keys cannot spell.
     */
    static List<Index> indexes(List<Row> rows, Map<String, String> sql) {
        List<Index> indexes = new ArrayList<>();
        for (Map.Entry<String, List<Row>> index : byIndex(rows).entrySet()) {
            Row first = index.getValue().get(0);
            if (!first.text("origin").equals("c")) {
                continue;
            }
            String definition = sql.get(index.getKey());
            List<IndexKey> keys = new ArrayList<>();
            for (Row key : keyRows(index.getValue())) {
                String column = key.integer("cid") == -2 ? "(expression " + key.integer("seqno") + ")" : key.text("column_name");
                String collation = "BINARY".equalsIgnoreCase(key.text("coll")) ? null : key.text("coll");
                keys.add(new IndexKey(column, null, collation, key.integer("desc") == 1, false));
            }
            String predicate = null;
            if (first.integer("partial") == 1 && definition != null) {
                Matcher where = WHERE.matcher(definition);
                predicate = where.find() ? where.group(1).strip() : null;
            }
            boolean expressions = keyRows(index.getValue()).stream().anyMatch(key -> key.integer("cid") == -2);
            indexes.add(new Index(index.getKey(), first.integer("unique") == 1, null, keys, predicate, true,
                    expressions ? definition : null, null, null));
        }
        return indexes;
    }

    private static Map<String, List<Row>> byIndex(List<Row> rows) {
        Map<String, List<Row>> byIndex = new LinkedHashMap<>();
        rows.forEach(row -> byIndex.computeIfAbsent(row.text("index_name"), name -> new ArrayList<>()).add(row));
        return byIndex;
    }

    /** The key columns of an index, without the rowid or primary key columns SQLite adds after them. */
    private static List<Row> keyRows(List<Row> index) {
        return index.stream().filter(r -> r.integer("key") == 1).toList();
    }
}
