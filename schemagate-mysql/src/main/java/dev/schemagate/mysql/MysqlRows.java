package dev.schemagate.mysql;

import dev.schemagate.data.SeedOrder;
import dev.schemagate.data.TableSeed;
import dev.schemagate.model.Column;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.Table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synthetic rows for MySQL tables: a value per column from its type (numbers, text cut to the
 * column's length, dates, the first value of an {@code ENUM} or {@code SET}, JSON), distinct per row
 * so keys hold; generated and {@code AUTO_INCREMENT} columns are left to the server, and foreign key
 * columns take the values of the referenced table's rows, which is filled first ({@link SeedOrder}).
 */
final class MysqlRows {

    private static final Pattern LENGTH = Pattern.compile("\\((\\d+)");
    private static final Pattern FIRST_VALUE = Pattern.compile("^(?:enum|set)\\('((?:[^']|'')*)'");

    private MysqlRows() {
    }

    static TableSeed fill(Connection connection, Table table, int rows, long seed) throws SQLException {
        List<Column> columns = table.columns().stream().filter(c -> c.generatedExpression() == null
                && (c.mysql() == null || !c.mysql().autoIncrement())).toList();
        List<List<String>> parents = new ArrayList<>();
        for (Column column : columns) {
            parents.add(parentValues(connection, table, column));
        }
        String sql = "insert into " + quote(table.name()) + " ("
                + String.join(", ", columns.stream().map(c -> quote(c.name())).toList()) + ") values ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        int inserted = 0;
        String problem = null;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int row = 1; row <= rows; row++) {
                for (int i = 0; i < columns.size(); i++) {
                    List<String> fromParent = parents.get(i);
                    if (fromParent != null) {
                        insert.setString(i + 1, fromParent.isEmpty() ? null : fromParent.get((row - 1) % fromParent.size()));
                    } else {
                        insert.setObject(i + 1, value(columns.get(i), row, seed));
                    }
                }
                try {
                    insert.executeUpdate();
                    inserted++;
                } catch (SQLException e) {
                    if (connection.isClosed()) {
                        throw e;
                    }
                    problem = problem != null ? problem : ServerMessage.of(e);
                }
            }
        }
        List<String> problems = problem == null ? List.of()
                : List.of(table.qualifiedName() + ": " + inserted + " of " + rows + " rows went in (" + problem + ")");
        return new TableSeed(table.qualifiedName(), rows, inserted, problems);
    }

    /**
     * For a column of a foreign key, the referenced column's values in the parent's rows (none when the
     * parent cannot be read, such as a parent a later migration creates while {@code foreign_key_checks}
     * is 0: the column is then left NULL); null for any other column.
     */
    private static List<String> parentValues(Connection connection, Table table, Column column) throws SQLException {
        for (Constraint key : SeedOrder.foreignKeys(table)) {
            int at = key.columns().indexOf(column.name());
            if (at < 0 || key.referencedColumns().size() <= at) {
                continue;
            }
            String parent = key.referencedTable().schema().equals(MysqlIntrospector.SCHEMA) ? quote(key.referencedTable().name())
                    : quote(key.referencedTable().schema()) + "." + quote(key.referencedTable().name());
            List<String> values = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select " + quote(key.referencedColumns().get(at))
                    + " from " + parent + " order by 1 limit 1000"); ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            } catch (SQLException unreadable) {
                if (connection.isClosed() || !connection.isValid(5)) {
                    throw unreadable;
                }
                return List.of();
            }
            return values;
        }
        return null;
    }

    /** A value of the column's type, different for every row. */
    static Object value(Column column, int row, long seed) {
        String type = column.type() == null ? "" : column.type().toLowerCase(Locale.ROOT);
        Matcher first = FIRST_VALUE.matcher(type);
        if (first.find()) {
            return column.type().substring(first.start(1), first.end(1)).replace("''", "'");
        }
        if (type.startsWith("tinyint(1)") || type.startsWith("bool") || type.startsWith("bit")) {
            return row % 2;
        }
        if (type.contains("int")) {
            return type.startsWith("tinyint") ? row % 100 : row;
        }
        if (type.startsWith("decimal") || type.startsWith("numeric") || type.startsWith("float")
                || type.startsWith("double") || type.startsWith("real")) {
            return row + 0.5;
        }
        if (type.startsWith("datetime") || type.startsWith("timestamp")) {
            return String.format("2024-01-%02d 00:00:%02d", 1 + row % 28, row % 60);
        }
        if (type.startsWith("date")) {
            return String.format("2024-01-%02d", 1 + row % 28);
        }
        if (type.startsWith("time")) {
            return String.format("00:%02d:%02d", row / 60 % 60, row % 60);
        }
        if (type.startsWith("year")) {
            return 2000 + row % 100;
        }
        if (type.startsWith("json")) {
            return "{\"n\": " + row + "}";
        }
        if (type.startsWith("uuid")) {
            return String.format("00000000-0000-4000-8000-%012d", row);
        }
        String text = column.name() + "-" + seed + "-" + row;
        Matcher length = LENGTH.matcher(type);
        if (length.find() && (type.contains("char") || type.contains("binary"))) {
            int max = Integer.parseInt(length.group(1));
            String unique = Integer.toString(row);
            text = max <= unique.length() ? unique.substring(unique.length() - max) : text.length() <= max ? text
                    : text.substring(0, max - unique.length()) + unique;
        }
        return text;
    }

    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
