package dev.schemagate.postgres.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.schemagate.data.TableRows;
import dev.schemagate.model.Column;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Captures the rows of tables in a few queries, so the data check can compare them before and after a
 * migration. Each row is read as {@code to_jsonb} renders it: strings keep PostgreSQL's text output,
 * numbers, booleans, arrays and JSON keep their JSON text, so equal values read equal whatever the
 * column type became. Tables larger than the limit are captured up to it, with their row count.
 * Columns the schema writes itself (generated, or set by a row trigger) are left out of the
 * compared columns: a rollback that bumps an {@code updated_at} loses nothing.
 */
public final class RowCapture {

    /** The default most rows captured per table. */
    public static final int DEFAULT_LIMIT = 10_000;
    /**
     * How many tables one query reads: the planner's cost of a {@code UNION ALL} grows faster than its
     * branches (2,000 tables of 20 rows: 6.0 s in one query, 0.47 s in queries of 100).
     */
    private static final int TABLES_A_QUERY = 100;

    /** Numbers are read as written ({@code 1.50} stays {@code 1.50}), not as doubles. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    private RowCapture() {
    }

    /** Captures up to {@link #DEFAULT_LIMIT} rows of each table; see {@link #capture(Connection, Snapshot, Collection, int)}. */
    public static Map<QualifiedName, TableRows> capture(Connection connection, Snapshot snapshot,
                                                        Collection<QualifiedName> tables) throws SQLException {
        return capture(connection, snapshot, tables, DEFAULT_LIMIT);
    }

    /**
     * The rows of each given table the snapshot has, in the given order; names that are not tables
     * of the snapshot are left out.
     */
    public static Map<QualifiedName, TableRows> capture(Connection connection, Snapshot snapshot,
                                                        Collection<QualifiedName> tables, int limit)
            throws SQLException {
        List<Table> present = tables.stream().distinct().flatMap(name -> snapshot.table(name).stream()).toList();
        Map<QualifiedName, TableRows> captured = new LinkedHashMap<>();
        if (present.isEmpty()) {
            return Map.of();
        }
        List<List<Map<String, String>>> rows = new ArrayList<>();
        long[] totals = new long[present.size()];
        present.forEach(table -> rows.add(new ArrayList<>()));
        try (Statement statement = connection.createStatement()) {
            for (int from = 0; from < present.size(); from += TABLES_A_QUERY) {
                int to = Math.min(present.size(), from + TABLES_A_QUERY);
                try (ResultSet result = statement.executeQuery(query(present, from, to, limit))) {
                    while (result.next()) {
                        int index = result.getInt(1);
                        totals[index] = result.getLong(2);
                        rows.get(index).add(row(present.get(index), result.getString(3)));
                    }
                }
            }
        }
        for (int i = 0; i < present.size(); i++) {
            Table table = present.get(i);
            Set<String> maintained = MaintainedColumns.of(snapshot, table);
            List<String> columns = table.columns().stream().map(Column::name).filter(c -> !maintained.contains(c)).toList();
            captured.put(table.qualifiedName(), new TableRows(table.qualifiedName(), columns, rows.get(i), totals[i]));
        }
        return Collections.unmodifiableMap(captured);
    }

    /** The query for the tables from index {@code from} up to {@code to}, each row with its table's index. */
    private static String query(List<Table> tables, int from, int to, int limit) {
        List<String> parts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            parts.add("(SELECT " + i + ", count(*) OVER (), to_jsonb(r.*)::text FROM "
                    + Quote.name(tables.get(i).qualifiedName()) + " r LIMIT " + limit + ")");
        }
        return String.join(" UNION ALL ", parts);
    }

    /** The row in column order. */
    private static Map<String, String> row(Table table, String json) throws SQLException {
        try {
            Map<String, String> row = new LinkedHashMap<>();
            JsonNode node = JSON.readTree(json);
            for (Column column : table.columns()) {
                String value = text(node.get(column.name()));
                row.put(column.name(), value != null && padded(column) ? value.stripTrailing() : value);
            }
            return row;
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable row JSON from the database: " + e.getMessage(), e);
        }
    }

    /**
     * A {@code character(n)} column: PostgreSQL pads its values with spaces and ignores them when it
     * compares, so a value that moves between {@code char(n)} and {@code varchar} keeps its meaning.
     */
    private static boolean padded(Column column) {
        String type = column.type();
        return type.startsWith("character(") || type.equals("character") || type.startsWith("bpchar");
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
    }
}
