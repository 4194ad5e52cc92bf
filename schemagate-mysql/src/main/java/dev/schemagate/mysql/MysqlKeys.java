package dev.schemagate.mysql;

import dev.schemagate.model.Constraint;
import dev.schemagate.model.Index;
import dev.schemagate.model.IndexKey;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.dialect.MysqlIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table's keys and indexes from {@code information_schema}: {@code PRIMARY} is the primary key,
 * every other unique index a {@code UNIQUE} constraint (MySQL draws no line between the two), the
 * rest indexes with their kind ({@code BTREE}, {@code FULLTEXT}, {@code SPATIAL}, {@code HASH}),
 * prefix lengths and order; foreign keys from {@code key_column_usage} and
 * {@code referential_constraints}, {@code NO ACTION} read as the {@code RESTRICT} it means. The index InnoDB adds for a foreign key whose columns have none
 * is an index like any other: it stays when the key is dropped, and a snapshot shows that.
 */
final class MysqlKeys {

    private MysqlKeys() {
    }

    static Map<String, List<Constraint>> foreignKeys(List<Row> rows, String database, String schema) {
        Map<String, Map<String, List<Row>>> byTable = new LinkedHashMap<>();
        for (Row row : rows) {
            byTable.computeIfAbsent(row.text("table_name"), t -> new LinkedHashMap<>())
                    .computeIfAbsent(row.text("constraint_name"), c -> new ArrayList<>()).add(row);
        }
        Map<String, List<Constraint>> keys = new LinkedHashMap<>();
        byTable.forEach((table, constraints) -> constraints.forEach((name, key) -> {
            Row first = key.get(0);
            List<String> from = key.stream().map(r -> r.text("column_name")).toList();
            List<String> to = key.stream().map(r -> r.text("referenced_column_name")).toList();
            String parentSchema = first.text("referenced_table_schema");
            QualifiedName parent = new QualifiedName(database.equals(parentSchema) ? schema : parentSchema,
                    first.text("referenced_table_name"));
            String onDelete = action(first.text("delete_rule"));
            String onUpdate = action(first.text("update_rule"));
            String definition = "FOREIGN KEY (" + quoted(from) + ") REFERENCES "
                    + (database.equals(parentSchema) ? "" : "`" + parentSchema + "`.") + "`" + parent.name() + "` ("
                    + quoted(to) + ") ON DELETE " + onDelete + " ON UPDATE " + onUpdate;
            keys.computeIfAbsent(table, t -> new ArrayList<>()).add(new Constraint(name, Constraint.Type.FOREIGN_KEY,
                    definition, from, parent, to, onUpdate, onDelete, null,
                    false, false, true, false, null));
        }));
        return keys;
    }

    /**
     * A referential action as InnoDB enforces it: {@code NO ACTION} is a synonym for {@code RESTRICT}
     * (both checked at once, never deferred), and the server itself stores one for the other: an
     * {@code ADD FOREIGN KEY ... ON DELETE RESTRICT} run in place, as it is while
     * {@code foreign_key_checks} is 0, reads back as {@code NO ACTION}, a key declared without an
     * action as {@code RESTRICT}. Both spellings read as {@code RESTRICT}, so neither shows as a change.
     */
    private static String action(String rule) {
        return "NO ACTION".equalsIgnoreCase(rule) ? "RESTRICT" : rule;
    }

    /** Adds the table's primary and unique keys to {@code constraints} and its other indexes to {@code indexes}. */
    static void indexes(List<Row> rows, List<Constraint> constraints, List<Index> indexes) {
        Map<String, List<Row>> byIndex = new LinkedHashMap<>();
        rows.forEach(row -> byIndex.computeIfAbsent(row.text("index_name"), n -> new ArrayList<>()).add(row));
        for (Map.Entry<String, List<Row>> index : byIndex.entrySet()) {
            String name = index.getKey();
            List<Row> parts = index.getValue();
            Row first = parts.get(0);
            List<String> spelled = parts.stream().map(MysqlKeys::part).toList();
            boolean unique = first.integer("non_unique") == 0;
            if (unique) {
                boolean primary = "PRIMARY".equals(name);
                constraints.add(new Constraint(name, primary ? Constraint.Type.PRIMARY_KEY : Constraint.Type.UNIQUE,
                        (primary ? "PRIMARY KEY (" : "UNIQUE KEY `" + name + "` (") + String.join(", ", spelled) + ")"
                                + using(first),
                        parts.stream().map(MysqlKeys::column).toList(), null, List.of(), null, null, null,
                        false, false, true, false, null));
                continue;
            }
            List<IndexKey> keys = parts.stream().map(r -> new IndexKey(column(r)
                    + (r.text("sub_part") == null ? "" : "(" + r.text("sub_part") + ")"), null, null,
                    "D".equals(r.text("collation")), false)).toList();
            boolean hidden = "YES".equalsIgnoreCase(first.text("ignored")) || "NO".equalsIgnoreCase(first.text("is_visible"));
            String method = first.text("index_type") == null ? null : first.text("index_type").toLowerCase(Locale.ROOT);
            indexes.add(new Index(name, false, method, keys, null, true, method + " (" + String.join(", ", spelled) + ")",
                    null, first.text("index_comment") == null || first.text("index_comment").isEmpty() ? null
                            : first.text("index_comment"), null, new MysqlIndex(hidden)));
        }
    }

    private static String using(Row first) {
        String type = first.text("index_type");
        return type == null || "BTREE".equals(type) ? "" : " USING " + type;
    }

    private static String column(Row row) {
        return row.text("column_name") != null ? row.text("column_name") : "(" + row.text("expression") + ")";
    }

    /** One key part as written: {@code `name`(10) DESC}. */
    private static String part(Row row) {
        String column = row.text("column_name") != null ? "`" + row.text("column_name") + "`" : "(" + row.text("expression") + ")";
        return column + (row.text("sub_part") == null ? "" : "(" + row.text("sub_part") + ")")
                + ("D".equals(row.text("collation")) ? " DESC" : "");
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }
}
