package dev.schemagate.postgres.data;

import dev.schemagate.model.Column;
import dev.schemagate.model.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One whole row of a table as the database stored it (defaults, identities and triggers' work
 * included), each value as text: the base every violating row starts from, changed in the few
 * columns the probed constraint covers, so that it breaks that constraint alone.
 *
 * @param table  the table
 * @param values each writable column's stored value as text (null for NULL), in table order
 */
record ProbeRow(Table table, Map<String, String> values) {

    ProbeRow {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The columns a row is written with: all but generated ones. */
    static List<Column> writable(Table table) {
        return table.columns().stream().filter(column -> column.generatedExpression() == null).toList();
    }

    /** The stored values of {@code columns} as the SQL list of a RETURNING or SELECT clause. */
    static String asText(List<Column> columns, String qualifier) {
        return columns.stream().map(column -> qualifier + Quote.ident(column.name()) + "::text")
                .collect(Collectors.joining(", "));
    }

    /** The row read from a RETURNING or SELECT of {@link #asText}. */
    static ProbeRow of(Table table, List<String> texts) {
        Map<String, String> values = new LinkedHashMap<>();
        List<Column> columns = writable(table);
        for (int i = 0; i < columns.size(); i++) {
            values.put(columns.get(i).name(), texts.get(i));
        }
        return new ProbeRow(table, values);
    }

    /** The value of a column as an SQL literal of its type. */
    String literal(String column) {
        return literal(table, column, values.get(column));
    }

    static String literal(Table table, String column, String text) {
        String type = table.column(column).orElseThrow().type();
        return (text == null ? "NULL" : Quote.literal(text)) + "::" + type;
    }

    /**
     * The INSERT of this row with the given columns replaced by SQL expressions, returning the stored
     * values of those columns as text (when {@code returning}).
     */
    String insert(Map<String, String> replaced, boolean returning) {
        List<String> names = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        boolean overriding = false;
        for (Column column : writable(table)) {
            names.add(Quote.ident(column.name()));
            expressions.add(replaced.containsKey(column.name()) ? replaced.get(column.name()) : literal(column.name()));
            overriding |= column.identity() != null && column.identity().generation() == dev.schemagate.model.Identity.Generation.ALWAYS;
        }
        String sql = "INSERT INTO " + Quote.name(table.qualifiedName()) + " (" + String.join(", ", names) + ")"
                + (overriding ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES (" + String.join(", ", expressions) + ")";
        if (returning && !replaced.isEmpty()) {
            sql += " RETURNING " + replaced.keySet().stream().map(name -> Quote.ident(name) + "::text")
                    .collect(Collectors.joining(", "));
        }
        return sql;
    }
}
