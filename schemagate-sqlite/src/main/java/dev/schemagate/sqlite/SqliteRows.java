package dev.schemagate.sqlite;

import dev.schemagate.data.SeedOrder;
import dev.schemagate.data.TableSeed;
import dev.schemagate.model.Column;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.Index;
import dev.schemagate.model.Table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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

    /**
     * Fills the table's columns that take values (a generated column computes its own). A row a
     * {@code CHECK} refuses is tried again with a value of a row that went in, in a column the
     * table's checks name and no key holds ({@link #borrowed}), so a check that allows only some
     * states (Hydra's {@code hydra_oauth2_flow}) still gets every row.
     */
    static TableSeed fill(Connection connection, Table table, int rows, long seed) throws SQLException {
        List<Column> columns = table.columns().stream().filter(c -> c.generatedExpression() == null).toList();
        List<String> placeholders = new ArrayList<>();
        for (Column column : columns) {
            placeholders.add(parentValue(table, column).orElse("?"));
        }
        String sql = "insert into " + quote(table.name()) + " ("
                + String.join(", ", columns.stream().map(c -> quote(c.name())).toList()) + ") values ("
                + String.join(", ", placeholders) + ")";
        List<Integer> borrowable = borrowable(table, columns);
        List<Object[]> accepted = new ArrayList<>();
        String problem = null;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int row = 1; row <= rows; row++) {
                Object[] values = new Object[columns.size()];
                for (int i = 0; i < columns.size(); i++) {
                    values[i] = parentValue(table, columns.get(i)).isPresent() ? (Object) row : value(columns.get(i), row, seed);
                }
                String refused = insert(insert, values);
                if (refused != null && refused.contains("CHECK constraint failed") && !accepted.isEmpty()) {
                    Object[] borrowed = borrowed(insert, values, accepted.get((row - 1) % accepted.size()), borrowable);
                    if (borrowed != null) {
                        values = borrowed;
                        refused = null;
                    }
                }
                if (refused == null) {
                    accepted.add(values);
                } else if (problem == null) {
                    problem = refused;
                }
            }
        } catch (SQLException e) {
            problem = e.getMessage();
        }
        int inserted = accepted.size();
        List<String> problems = problem == null ? List.of()
                : List.of(table.qualifiedName() + ": " + inserted + " of " + rows + " rows went in ("
                        + problem.replaceAll("\\s+", " ") + ")");
        return new TableSeed(table.qualifiedName(), rows, inserted, problems);
    }

    /**
     * Tries the refused row again with the donor's value in one checked column at a time, then in all
     * of them, so that as few values as possible repeat (a later unique index must still hold);
     * the row that went in, or null.
     */
    private static Object[] borrowed(PreparedStatement insert, Object[] values, Object[] donor, List<Integer> borrowable)
            throws SQLException {
        List<List<Integer>> tries = new ArrayList<>();
        borrowable.forEach(i -> tries.add(List.of(i)));
        if (borrowable.size() > 1) {
            tries.add(borrowable);
        }
        for (List<Integer> columns : tries) {
            Object[] borrowed = values.clone();
            columns.forEach(i -> borrowed[i] = donor[i]);
            if (insert(insert, borrowed) == null) {
                return borrowed;
            }
        }
        return null;
    }

    /** Runs the insert with one row's values; null when the row went in, else the database's reason. */
    private static String insert(PreparedStatement insert, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            insert.setObject(i + 1, row[i]);
        }
        try {
            insert.executeUpdate();
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /**
     * The positions of the columns a refused row may take from a row that went in: those the
     * table's {@code CHECK}s name, apart from the columns of its keys, unique indexes and foreign
     * keys, whose values must stay the row's own.
     */
    private static List<Integer> borrowable(Table table, List<Column> columns) {
        List<String> checks = table.constraints().stream().filter(c -> c.type() == Constraint.Type.CHECK)
                .map(c -> c.definition() == null ? "" : c.definition().toLowerCase(Locale.ROOT)).toList();
        Set<String> own = new HashSet<>();
        table.constraints().stream().filter(c -> c.type() != Constraint.Type.CHECK)
                .forEach(c -> c.columns().forEach(name -> own.add(name.toLowerCase(Locale.ROOT))));
        table.indexes().stream().filter(Index::unique)
                .forEach(index -> index.keys().stream().filter(key -> key.expression() != null)
                        .forEach(key -> own.add(key.expression().toLowerCase(Locale.ROOT))));
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).name().toLowerCase(Locale.ROOT);
            Pattern word = Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(name) + "\"?(?![\\w$])");
            if (!own.contains(name) && checks.stream().anyMatch(check -> word.matcher(check).find())) {
                positions.add(i);
            }
        }
        return positions;
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
