package dev.schemagate.sqlite;

import dev.schemagate.data.SeedOrder;
import dev.schemagate.data.TableSeed;
import dev.schemagate.model.Column;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.Table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synthetic rows for SQLite tables: a value per column from its declared type's affinity (SQLite's
 * own rules: {@code INT} → integer, {@code CHAR}/{@code CLOB}/{@code TEXT} → text, {@code REAL}/
 * {@code FLOA}/{@code DOUB} → real), distinct per row so keys hold, and foreign key columns taken
 * from the rows of the referenced table, which is filled first ({@link SeedOrder}); generated columns are left to SQLite.
 */
final class SqliteRows {

    private static final Pattern TABLE_IN_MESSAGE = Pattern.compile("\\bin (?:table )?\"?(\\w+)");

    private SqliteRows() {
    }

    /** Fills the table's columns that take values (a generated column computes its own). */
    static TableSeed fill(Connection connection, Table table, int rows, long seed) throws SQLException {
        List<Column> columns = table.columns().stream().filter(c -> c.generatedExpression() == null).toList();
        List<String> values = new ArrayList<>();
        for (Column column : columns) {
            values.add(parentValue(table, column).orElse("?"));
        }
        String sql = "insert into " + quote(table.name()) + " ("
                + String.join(", ", columns.stream().map(c -> quote(c.name())).toList()) + ") values ("
                + String.join(", ", values) + ")";
        int inserted = 0;
        String problem = null;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int row = 1; row <= rows; row++) {
                int parameter = 1;
                for (Column column : columns) {
                    Optional<String> fromParent = parentValue(table, column);
                    if (fromParent.isPresent()) {
                        insert.setInt(parameter++, row);
                    } else {
                        insert.setObject(parameter++, value(column, row, seed));
                    }
                }
                try {
                    insert.executeUpdate();
                    inserted++;
                } catch (SQLException e) {
                    problem = problem != null ? problem : e.getMessage();
                }
            }
        } catch (SQLException e) {
            problem = e.getMessage();
        }
        List<String> problems = problem == null ? List.of()
                : List.of(table.qualifiedName() + ": " + inserted + " of " + rows + " rows went in (" + problem + ")");
        return new TableSeed(table.qualifiedName(), rows, inserted, problems);
    }

    /**
     * For a column of a foreign key: a subquery taking the referenced column of the parent's n-th
     * row (n bound per row, wrapping round), so the columns of one key come from one parent row.
     */
    private static Optional<String> parentValue(Table table, Column column) {
        for (Constraint key : SeedOrder.foreignKeys(table)) {
            int at = key.columns().indexOf(column.name());
            if (at < 0 || key.referencedColumns().size() <= at) {
                continue;
            }
            String parent = quote(key.referencedTable().name());
            return Optional.of("(select " + quote(key.referencedColumns().get(at)) + " from " + parent
                    + " order by 1 limit 1 offset ((? - 1) % max(1, (select count(*) from " + parent + "))))");
        }
        return Optional.empty();
    }

    /**
     * Points the values of a one-column foreign key that match no parent row at parent rows (spread
     * by rowid); how many rows changed, 0 when the column refuses the change.
     */
    static long pointAtParents(Connection connection, Table table, Constraint key) throws SQLException {
        String child = quote(table.name());
        String column = quote(key.columns().get(0));
        String parent = quote(key.referencedTable().name());
        String parentColumn = quote(key.referencedColumns().get(0));
        String spread = table.sqlite() != null && table.sqlite().withoutRowid() ? "0" : "abs(" + child + ".rowid)";
        String numbered = "(select " + parentColumn + " as v, row_number() over (order by " + parentColumn + ") - 1 as n from "
                + parent + ")";
        String sql = "update " + child + " set " + column + " = (select v from " + numbered + " where n = " + spread
                + " % max(1, (select count(*) from " + parent + ")))"
                + " where " + column + " is not null and not exists (select 1 from " + parent + " where "
                + parent + "." + parentColumn + " = " + child + "." + column + ")";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            return update.executeUpdate();
        } catch (SQLException refused) {
            if (connection.isClosed()) {
                throw refused;
            }
            return 0;
        }
    }

    /** A value of the column's affinity, different for every row. */
    private static Object value(Column column, int row, long seed) {
        String type = column.type() == null ? "" : column.type().toUpperCase(Locale.ROOT);
        if (type.contains("INT")) {
            return (long) row;
        }
        if (type.contains("BOOL")) {
            return row % 2;
        }
        if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT") || type.isEmpty() || type.contains("BLOB")) {
            return column.name() + "-" + seed + "-" + row;
        }
        if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")) {
            return row + 0.5;
        }
        if (type.contains("DATE") || type.contains("TIME")) {
            return String.format("2024-01-%02d 00:00:%02d", 1 + row % 28, row % 60);
        }
        return (long) row;
    }

    /** The table an {@code integrity_check} line names, or {@code (database)} when it names an index or none. */
    static String tableNamed(String line) {
        Matcher m = TABLE_IN_MESSAGE.matcher(line);
        return m.find() ? m.group(1) : "(database)";
    }

    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
