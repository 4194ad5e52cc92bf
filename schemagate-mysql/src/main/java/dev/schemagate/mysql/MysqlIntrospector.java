package dev.schemagate.mysql;

import dev.schemagate.model.Column;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.Index;
import dev.schemagate.model.IndexKey;
import dev.schemagate.model.dialect.MysqlColumn;
import dev.schemagate.model.dialect.MysqlObjects;
import dev.schemagate.model.dialect.MysqlRoutine;
import dev.schemagate.model.dialect.MysqlTable;
import dev.schemagate.model.dialect.MysqlView;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Routine;
import dev.schemagate.model.Schema;
import dev.schemagate.model.Snapshot;
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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the database a connection is on into the schema model, from {@code information_schema}:
 * tables (engine, collation, row format, partitioning), columns (the full type with
 * {@code unsigned} and {@code ENUM} values, default, {@code ON UPDATE}, {@code AUTO_INCREMENT},
 * generated and invisible), keys and indexes (fulltext and spatial among them), foreign keys,
 * checks, views, triggers, routines and events, each kind in one query whatever the size of the schema.
 *
 * <p>A MySQL database is what PostgreSQL calls a schema, and a scratch database's name changes
 * from copy to copy; so the database is always named {@value #SCHEMA} in the model, and its own
 * name is taken out of the definitions the server qualifies with it (views), so two copies of one
 * schema read the same. A unique key is a {@code UNIQUE} constraint (MySQL makes no difference
 * between a unique key and a unique index); {@code PRIMARY} is the primary key.
 */
final class MysqlIntrospector {

    static final String SCHEMA = "db";

    private MysqlIntrospector() {
    }

    static Snapshot snapshot(Connection connection) throws SQLException {
        String database = single(connection, "select database()");
        boolean mariadb = connection.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb");
        Pattern qualifier = Pattern.compile("`" + Pattern.quote(database) + "`\\.");
        Map<String, Row> tableRows = new LinkedHashMap<>();
        Map<String, Row> viewRows = new LinkedHashMap<>();
        for (Row row : rows(connection, "select table_name, table_type, engine, table_collation, create_options, table_comment"
                + " from information_schema.tables where table_schema = database() order by table_name")) {
            String type = row.text("table_type");
            if ("VIEW".equals(type)) {
                viewRows.put(row.text("table_name"), row);
            } else if (type != null && type.contains("TABLE")) {
                tableRows.put(row.text("table_name"), row);
            }
        }
        Map<String, List<Row>> columns = grouped(rows(connection, "select table_name, column_name, column_default, is_nullable,"
                + " column_type, character_set_name, collation_name, extra, generation_expression, column_comment"
                + " from information_schema.columns where table_schema = database() order by table_name, ordinal_position"));
        Map<String, String> partitions = partitioning(connection);
        Map<String, List<Constraint>> keys = MysqlKeys.foreignKeys(rows(connection, "select k.table_name, k.constraint_name,"
                + " k.column_name, k.referenced_table_schema, k.referenced_table_name, k.referenced_column_name,"
                + " r.update_rule, r.delete_rule from information_schema.key_column_usage k"
                + " join information_schema.referential_constraints r on r.constraint_schema = k.constraint_schema"
                + " and r.constraint_name = k.constraint_name and r.table_name = k.table_name"
                + " where k.table_schema = database() and k.referenced_table_name is not null"
                + " order by k.table_name, k.constraint_name, k.ordinal_position"), database, SCHEMA);
        Map<String, List<Row>> indexRows = grouped(rows(connection, "select table_name, index_name, non_unique, seq_in_index,"
                + " column_name, sub_part, index_type, collation, index_comment"
                + (mariadb ? ", null as expression, ignored" : ", expression, is_visible")
                + " from information_schema.statistics where table_schema = database()"
                + " order by table_name, index_name, seq_in_index"));
        Map<String, List<Row>> checks = grouped(rows(connection, mariadb
                ? "select table_name, constraint_name, check_clause from information_schema.check_constraints"
                + " where constraint_schema = database() order by table_name, constraint_name"
                : "select t.table_name, c.constraint_name, c.check_clause from information_schema.table_constraints t"
                + " join information_schema.check_constraints c on c.constraint_schema = t.constraint_schema"
                + " and c.constraint_name = t.constraint_name where t.table_schema = database()"
                + " and t.constraint_type = 'CHECK' order by t.table_name, c.constraint_name"));
        Map<String, List<Trigger>> triggers = triggers(connection, qualifier);
        List<Table> tables = new ArrayList<>();
        for (Map.Entry<String, Row> entry : tableRows.entrySet()) {
            String name = entry.getKey();
            Row row = entry.getValue();
            String collation = row.text("table_collation");
            List<Constraint> constraints = new ArrayList<>(keys.getOrDefault(name, List.of()));
            List<Index> indexes = new ArrayList<>();
            MysqlKeys.indexes(indexRows.getOrDefault(name, List.of()), constraints, indexes);
            for (Row check : checks.getOrDefault(name, List.of())) {
                constraints.add(new Constraint(check.text("constraint_name"), Constraint.Type.CHECK,
                        "CHECK (" + check.text("check_clause") + ")", List.of(), null, List.of(), null, null, null,
                        false, false, true, false, null));
            }
            MysqlTable mysql = new MysqlTable(row.text("engine"), collation, rowFormat(row.text("create_options")),
                    partitions.get(name));
            tables.add(new Table(SCHEMA, name, columns(columns.getOrDefault(name, List.of()), collation, mariadb),
                    constraints, indexes, triggers.getOrDefault(name, List.of()), null,
                    emptyToNull(row.text("table_comment")), null, null, null, mysql));
        }
        List<View> views = new ArrayList<>();
        for (Row row : rows(connection, "select table_name, view_definition, check_option, security_type"
                + " from information_schema.views where table_schema = database() order by table_name")) {
            String name = row.text("table_name");
            String check = row.text("check_option") == null || "NONE".equals(row.text("check_option")) ? null
                    : row.text("check_option").toLowerCase(Locale.ROOT);
            views.add(new View(SCHEMA, name, false, unqualified(row.text("view_definition"), qualifier),
                    columns(columns.getOrDefault(name, List.of()), null, mariadb), true, List.of(), List.of(), List.of(),
                    null, null, null, null, new MysqlView(check, "INVOKER".equals(row.text("security_type")))));
        }
        return new Snapshot(List.of(new Schema(SCHEMA, null, null, null)), List.of(), tables, views,
                routines(connection, qualifier), List.of(), null, new MysqlObjects(MysqlEvents.read(connection, qualifier)));
    }

    private static List<Column> columns(List<Row> rows, String tableCollation, boolean mariadb) {
        List<Column> columns = new ArrayList<>();
        for (Row row : rows) {
            String extra = String.valueOf(row.text("extra")).toLowerCase(Locale.ROOT);
            String generated = emptyToNull(row.text("generation_expression"));
            String collation = row.text("collation_name");
            String onUpdate = null;
            int at = extra.indexOf("on update ");
            if (at >= 0) {
                onUpdate = extra.substring(at + "on update ".length()).split("\\s+(?=invisible|virtual|stored)")[0].strip();
            }
            MysqlColumn mysql = new MysqlColumn(row.text("character_set_name"), extra.contains("auto_increment"), onUpdate,
                    generated != null && extra.contains("stored"), extra.contains("invisible"));
            String dflt = generated != null ? null : row.text("column_default");
            if (!mariadb && dflt != null && !extra.contains("default_generated")) {
                // MySQL 8 stores a literal default bare; MariaDB quotes it, and the model keeps MariaDB's spelling
                dflt = "'" + dflt.replace("\\", "\\\\").replace("'", "''") + "'";
            }
            columns.add(new Column(row.text("column_name"), row.text("column_type"),
                    collation != null && !collation.equals(tableCollation) ? collation : null,
                    "NO".equals(row.text("is_nullable")), dflt, null, generated,
                    emptyToNull(row.text("column_comment")), null, null, mysql));
        }
        return columns;
    }

    /** The {@code PARTITION BY} clause of each partitioned table, its partitions spelled out. */
    private static Map<String, String> partitioning(Connection connection) throws SQLException {
        Map<String, String> byTable = new HashMap<>();
        for (Row row : rows(connection, "select table_name, partition_name, partition_method, partition_expression,"
                + " partition_description from information_schema.partitions where table_schema = database()"
                + " and partition_name is not null order by table_name, partition_ordinal_position")) {
            String table = row.text("table_name");
            String partition = row.text("partition_name") + (row.text("partition_description") == null ? ""
                    : " " + row.text("partition_description"));
            byTable.merge(table, row.text("partition_method") + " (" + row.text("partition_expression") + "): " + partition,
                    (a, b) -> a + ", " + partition);
        }
        return byTable;
    }

    private static Map<String, List<Trigger>> triggers(Connection connection, Pattern qualifier) throws SQLException {
        Map<String, List<Trigger>> byTable = new HashMap<>();
        for (Row row : rows(connection, "select trigger_name, event_manipulation, event_object_table, action_timing,"
                + " action_statement, action_order from information_schema.triggers where trigger_schema = database()"
                + " order by event_object_table, action_order")) {
            String body = unqualified(row.text("action_statement"), qualifier);
            byTable.computeIfAbsent(row.text("event_object_table"), t -> new ArrayList<>()).add(new Trigger(
                    row.text("trigger_name"), row.text("action_timing"), List.of(row.text("event_manipulation")), List.of(),
                    true, null, false,
                    row.text("action_timing") + " " + row.text("event_manipulation") + " ORDER " + row.integer("action_order")
                            + " " + body, null));
        }
        return byTable;
    }

    private static List<Routine> routines(Connection connection, Pattern qualifier) throws SQLException {
        Map<String, List<String>> parameters = new HashMap<>();
        for (Row row : rows(connection, "select specific_name, routine_type, parameter_mode, parameter_name, dtd_identifier"
                + " from information_schema.parameters where specific_schema = database() and ordinal_position > 0"
                + " order by specific_name, ordinal_position")) {
            String mode = row.text("parameter_mode") == null ? "" : row.text("parameter_mode") + " ";
            parameters.computeIfAbsent(row.text("routine_type") + " " + row.text("specific_name"), k -> new ArrayList<>())
                    .add(mode + row.text("parameter_name") + " " + row.text("dtd_identifier"));
        }
        List<Routine> routines = new ArrayList<>();
        for (Row row : rows(connection, "select routine_name, routine_type, dtd_identifier, routine_definition,"
                + " is_deterministic, sql_data_access, security_type, routine_comment"
                + " from information_schema.routines where routine_schema = database() order by routine_name")) {
            String type = row.text("routine_type");
            List<String> arguments = parameters.getOrDefault(type + " " + row.text("routine_name"), List.of());
            boolean procedure = "PROCEDURE".equals(type);
            routines.add(new Routine(SCHEMA, row.text("routine_name"), procedure ? Routine.Kind.PROCEDURE : Routine.Kind.FUNCTION,
                    String.join(", ", arguments), String.join(", ", arguments), procedure ? null : row.text("dtd_identifier"),
                    "SQL", "YES".equals(row.text("is_deterministic")) ? Routine.Volatility.IMMUTABLE : Routine.Volatility.VOLATILE,
                    "DEFINER".equals(row.text("security_type")), unqualified(row.text("routine_definition"), qualifier),
                    null, List.of(), null, emptyToNull(row.text("routine_comment")), null, null,
                    new MysqlRoutine(row.text("sql_data_access"))));
        }
        return routines;
    }

    /** {@code ROW_FORMAT=…} from the create options, when the table was created with one. */
    private static String rowFormat(String options) {
        if (options == null) {
            return null;
        }
        for (String option : options.split("\\s+")) {
            if (option.toLowerCase(Locale.ROOT).startsWith("row_format=")) {
                return option.substring("row_format=".length()).toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String unqualified(String text, Pattern qualifier) {
        return text == null ? null : qualifier.matcher(text).replaceAll("");
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static Map<String, List<Row>> grouped(List<Row> rows) {
        Map<String, List<Row>> byTable = new LinkedHashMap<>();
        for (Row row : rows) {
            byTable.computeIfAbsent(row.text("table_name"), t -> new ArrayList<>()).add(row);
        }
        return byTable;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getString(1);
        }
    }

    static List<Row> rows(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
            return Row.all(result);
        }
    }
}
