package dev.schemagate.sqlite;

import dev.schemagate.model.Column;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.Index;
import dev.schemagate.model.Schema;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.dialect.SqliteTable;
import dev.schemagate.model.Table;
import dev.schemagate.model.Trigger;
import dev.schemagate.model.View;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a SQLite database into the schema model: the objects from {@code sqlite_schema}, table
 * kinds from {@code pragma_table_list} ({@code WITHOUT ROWID}, {@code STRICT}), columns from
 * {@code pragma_table_xinfo} with what only the {@code CREATE TABLE} text says ({@code COLLATE},
 * generated expressions, {@code AUTOINCREMENT}: {@link SqliteTableText}), keys and indexes from {@code pragma_index_list}/{@code index_xinfo}
 * and foreign keys from {@code pragma_foreign_key_list}, each read for every table at once with
 * the pragma table-valued functions, so the number of queries does not grow with the schema.
 * SQLite keeps no names for its primary, unique and foreign keys; they are named after their table
 * and columns, as PostgreSQL would name them, so the same key always gets the same name.
 */
final class SqliteIntrospector {

    static final String SCHEMA = "main";

    /** Objects SQLite keeps for itself ({@code sqlite_sequence}, {@code sqlite_stat1}, autoindexes). */
    private static final String OWN = "not like 'sqlite\\_%' escape '\\'";

    /** {@code pragma_table_xinfo}'s {@code hidden} value for a {@code STORED} generated column. */
    private static final int STORED = 3;

    private SqliteIntrospector() {
    }

    static Snapshot snapshot(Connection connection) throws SQLException {
        Map<String, String> tableSql = new LinkedHashMap<>();
        Map<String, String> viewSql = new LinkedHashMap<>();
        Map<String, List<Trigger>> triggers = new HashMap<>();
        Map<String, String> indexSql = new HashMap<>();
        for (Row row : rows(connection, "select type, name, tbl_name, sql from sqlite_schema where name " + OWN
                + " order by type, name")) {
            switch (row.text("type")) {
                case "table" -> tableSql.put(row.text("name"), row.text("sql"));
                case "view" -> viewSql.put(row.text("name"), row.text("sql"));
                case "trigger" -> triggers.computeIfAbsent(row.text("tbl_name"), t -> new ArrayList<>())
                        .add(SqliteDefinitions.trigger(row.text("name"), row.text("sql")));
                case "index" -> indexSql.put(row.text("name"), SqliteDefinitions.normalized(row.text("sql")));
                default -> { }
            }
        }
        Map<String, Row> kinds = new HashMap<>();
        for (Row row : rows(connection, "select name, type, wr, strict from pragma_table_list where schema = 'main'")) {
            kinds.put(row.text("name"), row);
        }
        Map<String, List<Row>> columns = grouped(rows(connection, "select m.name as tbl, c.* from sqlite_schema m, "
                + "pragma_table_xinfo(m.name) c where m.type = 'table' and m.name " + OWN + " order by m.name, c.cid"));
        Map<String, List<Row>> indexes = grouped(rows(connection, "select m.name as tbl, l.name as index_name, l.\"unique\","
                + " l.origin, l.partial, x.seqno, x.cid, x.name as column_name, x.\"desc\", x.coll, x.key"
                + " from sqlite_schema m, pragma_index_list(m.name) l, pragma_index_xinfo(l.name) x"
                + " where m.type = 'table' and m.name " + OWN + " order by m.name, l.name, x.seqno"));
        Map<String, List<Row>> keys = grouped(rows(connection, "select m.name as tbl, f.* from sqlite_schema m,"
                + " pragma_foreign_key_list(m.name) f where m.type = 'table' and m.name " + OWN + " order by m.name, f.id, f.seq"));
        List<Table> tables = new ArrayList<>();
        for (Map.Entry<String, String> table : tableSql.entrySet()) {
            String name = table.getKey();
            Row kind = kinds.get(name);
            if (kind != null && kind.text("type").equals("shadow")) {
                continue;
            }
            List<Row> tableColumns = columns.getOrDefault(name, List.of());
            SqliteTableText text = SqliteTableText.of(table.getValue());
            List<Constraint> constraints = new ArrayList<>(SqliteKeys.constraints(name, tableColumns,
                    indexes.getOrDefault(name, List.of()), keys.getOrDefault(name, List.of()), columns));
            constraints.addAll(SqliteDefinitions.checks(name, table.getValue()));
            List<Index> tableIndexes = SqliteKeys.indexes(indexes.getOrDefault(name, List.of()), indexSql);
            List<String> stored = tableColumns.stream().filter(c -> c.integer("hidden") == STORED).map(c -> c.text("name")).toList();
            SqliteTable sqlite = new SqliteTable(kind != null && kind.integer("wr") == 1, kind != null && kind.integer("strict") == 1,
                    text.autoincrement(), stored);
            tables.add(new Table(SCHEMA, name, columns(tableColumns, text), constraints, tableIndexes,
                    triggers.getOrDefault(name, List.of()), null, null, null, null, sqlite, null));
        }
        List<View> views = new ArrayList<>();
        for (Map.Entry<String, String> view : viewSql.entrySet()) {
            views.add(new View(SCHEMA, view.getKey(), false, view.getValue(), viewColumns(connection, view.getKey()),
                    true, List.of(), List.of(), triggers.getOrDefault(view.getKey(), List.of()), null, null, null));
        }
        return new Snapshot(List.of(new Schema(SCHEMA, null, null, null)), List.of(), tables, views, List.of(),
                List.of(), null, null);
    }

    /** A view's columns; none when the view no longer compiles (a table it reads was dropped). */
    private static List<Column> viewColumns(Connection connection, String view) {
        try (PreparedStatement statement = connection.prepareStatement("select * from pragma_table_xinfo(?) order by cid")) {
            statement.setString(1, view);
            try (ResultSet result = statement.executeQuery()) {
                return columns(Row.all(result), SqliteTableText.of(null));
            }
        } catch (SQLException broken) {
            return List.of();
        }
    }

    /**
     * The visible columns ({@code hidden} 1 marks a virtual table's hidden column, 2 and 3 a
     * generated column, virtual and stored), with what the table's text says of each.
     */
    private static List<Column> columns(List<Row> rows, SqliteTableText text) {
        List<Column> columns = new ArrayList<>();
        for (Row row : rows) {
            if (row.integer("hidden") == 1) {
                continue;
            }
            SqliteTableText.ColumnText written = text.column(row.text("name"));
            columns.add(new Column(row.text("name"), row.text("type"), written.collation(), row.integer("notnull") == 1,
                    row.text("dflt_value"), null, written.generated(), null, null));
        }
        return columns;
    }

    private static Map<String, List<Row>> grouped(List<Row> rows) {
        Map<String, List<Row>> byTable = new HashMap<>();
        for (Row row : rows) {
            byTable.computeIfAbsent(row.text("tbl"), t -> new ArrayList<>()).add(row);
        }
        return byTable;
    }

    private static List<Row> rows(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
            return Row.all(result);
        }
    }
}
