package dev.schemagate.mysql;

import dev.schemagate.model.dialect.MysqlEvent;
import dev.schemagate.mysql.plan.MysqlEventDdl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies one database into another, empty one on the same server, as MySQL has no
 * {@code CREATE DATABASE … TEMPLATE}: each table is created from its own {@code SHOW CREATE TABLE}
 * (columns, keys, foreign keys, engine, collation, partitions and the {@code AUTO_INCREMENT}
 * counter, exactly as the server spells them) and filled with {@code INSERT … SELECT} across the two
 * databases, with foreign key checks off so that the order of tables does not matter; then views,
 * routines and triggers from theirs, as their definer; events last, as the model holds them. Rows
 * travel inside the server, never through the client. {@code SHOW CREATE} leaves out the database
 * name for objects of the current database, so the copy's objects refer to the copy.
 */
final class SchemaCopy {

    private SchemaCopy() {
    }

    /**
     * Copies what {@code from}'s database holds into {@code to}'s; both connections have their database as the
     * current one, on a server that is MariaDB when {@code mariadb}.
     */
    static void copy(Connection from, Connection to, boolean mariadb) throws SQLException {
        String source = MysqlIntrospector.rows(from, "select database() as name").get(0).text("name");
        List<String> tables = new ArrayList<>();
        List<String> views = new ArrayList<>();
        for (Row row : MysqlIntrospector.rows(from, "select table_name, table_type from information_schema.tables"
                + " where table_schema = database() order by table_name")) {
            ("VIEW".equals(row.text("table_type")) ? views : tables).add(row.text("table_name"));
        }
        try (Statement read = from.createStatement(); Statement write = to.createStatement()) {
            write.execute("set session foreign_key_checks = 0");
            write.execute("set session sql_mode = ''");
            for (String table : tables) {
                write.execute(withoutForeignKeyIndexes(showCreate(read, "table", table, 2)));
            }
            Map<String, List<Row>> columns = storedColumns(from, tables);
            if (mariadb) {
                dropMissingDefaults(write, columns);
            }
            for (Map.Entry<String, List<Row>> table : columns.entrySet()) {
                String list = String.join(", ", table.getValue().stream().map(column -> quote(column.text("column_name"))).toList());
                write.execute("insert into " + quote(table.getKey()) + " (" + list + ") select " + list + " from "
                        + quote(source) + "." + quote(table.getKey()));
            }
            createAll(read, write, "view", views, 2);
            for (Row routine : MysqlIntrospector.rows(from, "select routine_name, routine_type from information_schema.routines"
                    + " where routine_schema = database()")) {
                String type = routine.text("routine_type").toLowerCase();
                createWithMode(read, write, type, routine.text("routine_name"));
            }
            for (Row trigger : MysqlIntrospector.rows(from, "select trigger_name from information_schema.triggers"
                    + " where trigger_schema = database() order by event_object_table, action_order")) {
                createWithMode(read, write, "trigger", trigger.text("trigger_name"));
            }
            copyEvents(from, write, source);
            write.execute("set session foreign_key_checks = 1");
        }
    }

    /**
     * The table without the plain indexes the server made itself for its foreign keys (named after the
     * key, on the key's columns), so that the copy's are made the same way and are as much the server's
     * own: it drops such an index when another one on the same columns is created later (Hydra's consent
     * migrations do), or when a foreign key added under the same name needs more columns (Hydra's
     * {@code 20220210000001000054}), and keeps one that {@code SHOW CREATE TABLE} would have made an
     * ordinary index. {@code SHOW CREATE TABLE} separates a key's columns with a comma and a foreign
     * key's with a comma and a space.
     */
    static String withoutForeignKeyIndexes(String create) {
        Matcher keys = FOREIGN_KEY.matcher(create);
        String result = create;
        while (keys.find()) {
            String columns = String.join(",", QUOTED.matcher(keys.group(2)).results().map(MatchResult::group).toList());
            result = result.replace(",\n  KEY " + keys.group(1) + " (" + columns + ")", "");
        }
        return result;
    }

    /** A foreign key as SHOW CREATE TABLE writes it: its quoted name and its column list. */
    private static final Pattern FOREIGN_KEY = Pattern.compile("CONSTRAINT (`(?:[^`]|``)+`) FOREIGN KEY \\(((?:`(?:[^`]|``)+`(?:, )?)+)\\)");
    /** A quoted name. */
    private static final Pattern QUOTED = Pattern.compile("`(?:[^`]|``)+`");

    /**
     * The columns of each table that hold stored values (not generated ones), in their order, read in one
     * query: each with its name and whether it is nullable without a default ({@code missing_default}).
     */
    private static Map<String, List<Row>> storedColumns(Connection from, List<String> tables) throws SQLException {
        Set<String> wanted = new HashSet<>(tables);
        Map<String, List<Row>> columns = new LinkedHashMap<>();
        for (Row column : MysqlIntrospector.rows(from, "select table_name, column_name,"
                + " case when is_nullable = 'YES' and column_default is null then 'yes' end as missing_default"
                + " from information_schema.columns where table_schema = database()"
                + " and (generation_expression is null or generation_expression = '') order by table_name, ordinal_position")) {
            if (wanted.contains(column.text("table_name"))) {
                columns.computeIfAbsent(column.text("table_name"), table -> new ArrayList<>()).add(column);
            }
        }
        return columns;
    }

    /**
     * MariaDB tells a nullable column without a default (after {@code ALTER COLUMN … DROP DEFAULT})
     * from one whose default is NULL ({@code column_default} is null, not {@code 'NULL'}), but
     * {@code SHOW CREATE TABLE} spells both {@code DEFAULT NULL}; the copy's columns get their default
     * dropped again, one statement a table. MySQL reads both as null and its copy needs nothing.
     */
    private static void dropMissingDefaults(Statement write, Map<String, List<Row>> columns) throws SQLException {
        for (Map.Entry<String, List<Row>> table : columns.entrySet()) {
            List<String> drops = table.getValue().stream().filter(column -> column.text("missing_default") != null)
                    .map(column -> "alter column " + quote(column.text("column_name")) + " drop default").toList();
            if (!drops.isEmpty()) {
                write.execute("alter table " + quote(table.getKey()) + " " + String.join(", ", drops));
            }
        }
    }

    /**
     * Each event from the model, under its own {@code sql_mode} and time zone: {@code SHOW CREATE EVENT}
     * spells a default {@code STARTS} out as the moment of creation, which the copy must not inherit.
     */
    private static void copyEvents(Connection from, Statement write, String source) throws SQLException {
        Map<String, Row> settings = new HashMap<>();
        for (Row row : MysqlIntrospector.rows(from, "select event_name, sql_mode, time_zone from information_schema.events"
                + " where event_schema = database()")) {
            settings.put(row.text("event_name"), row);
        }
        if (settings.isEmpty()) {
            return;
        }
        String zone = MysqlIntrospector.rows(from, "select @@session.time_zone as zone").get(0).text("zone");
        for (MysqlEvent event : MysqlEvents.read(from, Pattern.compile("`" + Pattern.quote(source) + "`\\."))) {
            Row row = settings.get(event.name());
            write.execute("set session sql_mode = '" + String.valueOf(row.text("sql_mode")).replace("'", "''") + "'");
            write.execute("set session time_zone = '" + row.text("time_zone").replace("'", "''") + "'");
            write.execute(MysqlEventDdl.create(event));
        }
        write.execute("set session time_zone = '" + zone.replace("'", "''") + "'");
    }

    /** Creates objects that may depend on each other (a view on a view) in as many rounds as their order needs. */
    private static void createAll(Statement read, Statement write, String kind, List<String> names, int column)
            throws SQLException {
        List<String> left = new ArrayList<>(names);
        while (!left.isEmpty()) {
            List<String> failed = new ArrayList<>();
            SQLException last = null;
            for (String name : left) {
                try {
                    write.execute(showCreate(read, kind, name, column));
                } catch (SQLException notYet) {
                    failed.add(name);
                    last = notYet;
                }
            }
            if (failed.size() == left.size()) {
                throw last;
            }
            left = failed;
        }
    }

    /** A routine or trigger keeps the {@code sql_mode} it was created under; it is created again under the same. */
    private static void createWithMode(Statement read, Statement write, String kind, String name) throws SQLException {
        String mode;
        String create;
        try (ResultSet result = read.executeQuery("show create " + kind + " " + quote(name))) {
            result.next();
            mode = result.getString(2);
            create = result.getString(3);
        }
        write.execute("set session sql_mode = '" + (mode == null ? "" : mode.replace("'", "''")) + "'");
        write.execute(create);
    }

    private static String showCreate(Statement read, String kind, String name, int column) throws SQLException {
        try (ResultSet result = read.executeQuery("show create " + kind + " " + quote(name))) {
            result.next();
            return result.getString(column);
        }
    }

    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
