package dev.schemagate.mysql;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of a catalog query, read by column label in lower case (MySQL 8 spells the labels of
 * {@code information_schema} in upper case, MariaDB as the query does), so the readers need no open result set.
 */
record Row(Map<String, Object> values) {

    static List<Row> all(ResultSet result) throws SQLException {
        ResultSetMetaData meta = result.getMetaData();
        List<Row> rows = new ArrayList<>();
        while (result.next()) {
            Map<String, Object> values = new HashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                values.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), result.getObject(i));
            }
            rows.add(new Row(values));
        }
        return rows;
    }

    String text(String column) {
        Object value = values.get(column.toLowerCase(Locale.ROOT));
        return value == null ? null : value.toString();
    }

    int integer(String column) {
        Object value = values.get(column.toLowerCase(Locale.ROOT));
        return value instanceof Number number ? number.intValue() : value == null ? 0 : Integer.parseInt(value.toString());
    }
}
