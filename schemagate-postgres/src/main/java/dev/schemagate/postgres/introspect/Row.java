package dev.schemagate.postgres.introspect;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One row of a catalog query, read by column label, with SQL NULL as Java null. */
final class Row {

    private final ResultSet resultSet;

    Row(ResultSet resultSet) {
        this.resultSet = resultSet;
    }

    String text(String column) throws SQLException {
        return resultSet.getString(column);
    }

    boolean bool(String column) throws SQLException {
        return resultSet.getBoolean(column);
    }

    long oid(String column) throws SQLException {
        return resultSet.getLong(column);
    }

    long number(String column) throws SQLException {
        return resultSet.getLong(column);
    }

    double decimal(String column) throws SQLException {
        return resultSet.getDouble(column);
    }

    Integer integer(String column) throws SQLException {
        int value = resultSet.getInt(column);
        return resultSet.wasNull() ? null : value;
    }

    /** The elements of a SQL array as text (nulls kept); the empty list for SQL NULL. */
    List<String> texts(String column) throws SQLException {
        Array array = resultSet.getArray(column);
        if (array == null) {
            return List.of();
        }
        Object[] elements = (Object[]) array.getArray();
        List<String> texts = new ArrayList<>(elements.length);
        Arrays.stream(elements).forEach(element -> texts.add(element == null ? null : element.toString()));
        return texts;
    }

    /** The elements of a SQL array of integers; the empty list for SQL NULL. */
    List<Integer> integers(String column) throws SQLException {
        return texts(column).stream().map(Integer::valueOf).toList();
    }
}
