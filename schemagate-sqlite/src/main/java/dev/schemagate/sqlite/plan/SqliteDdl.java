package dev.schemagate.sqlite.plan;

import dev.schemagate.model.Column;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.Index;
import dev.schemagate.model.IndexKey;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.dialect.SqliteTable;
import dev.schemagate.model.Table;
import dev.schemagate.model.Trigger;
import dev.schemagate.model.View;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes SQLite DDL from the schema model: a table with its columns and keys, its indexes, and the
 * triggers and views as SQLite keeps their text. A schema file is every table, then the indexes,
 * views and triggers, which SQLite lets come in any order of dependency.
 */
public final class SqliteDdl {

    private SqliteDdl() {
    }

    /** A name quoted as SQLite quotes one: {@code "a ""b"""}. */
    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** The schema as a file of statements, each ending with {@code ;} on its own line. */
    public static String schemaSql(Snapshot snapshot) {
        StringBuilder sql = new StringBuilder();
        for (Table table : snapshot.tables()) {
            sql.append(createTable(table, table.name())).append(";\n");
        }
        for (Table table : snapshot.tables()) {
            table.indexes().forEach(index -> sql.append(createIndex(table.name(), index)).append(";\n"));
        }
        for (View view : snapshot.views()) {
            sql.append(view.definition()).append(";\n");
        }
        for (Table table : snapshot.tables()) {
            table.triggers().forEach(trigger -> sql.append(trigger.definition()).append(";\n"));
        }
        for (View view : snapshot.views()) {
            view.triggers().forEach(trigger -> sql.append(trigger.definition()).append(";\n"));
        }
        return sql.toString();
    }

    /** {@code CREATE TABLE} of the table's columns and keys, under {@code name}. */
    static String createTable(Table table, String name) {
        List<String> items = new ArrayList<>();
        for (Column column : table.columns()) {
            items.add(column(table, column));
        }
        SqliteTable kind = kind(table);
        table.constraints().stream().sorted(Comparator.comparing(SqliteDdl::order))
                .map(constraint -> constraint.type() == Constraint.Type.PRIMARY_KEY && kind.autoincrement()
                        ? autoincrement(constraint.definition()) : constraint.definition())
                .forEach(items::add);
        List<String> options = new ArrayList<>();
        if (kind.withoutRowid()) {
            options.add("WITHOUT ROWID");
        }
        if (kind.strict()) {
            options.add("STRICT");
        }
        return "CREATE TABLE " + quote(name) + " (\n    " + String.join(",\n    ", items) + "\n)"
                + (options.isEmpty() ? "" : " " + String.join(", ", options));
    }

    static SqliteTable kind(Table table) {
        return table.sqlite() == null ? SqliteTable.PLAIN : table.sqlite();
    }

    /** {@code PRIMARY KEY (id)} as {@code PRIMARY KEY (id AUTOINCREMENT)}, the table-constraint form SQLite accepts. */
    private static String autoincrement(String primaryKey) {
        int close = primaryKey.lastIndexOf(')');
        return primaryKey.substring(0, close) + " AUTOINCREMENT" + primaryKey.substring(close);
    }

    /** A column of {@code table} as {@code CREATE TABLE} and {@code ADD COLUMN} write it. */
    static String column(Table table, Column column) {
        StringBuilder sql = new StringBuilder(quote(column.name()));
        if (column.type() != null && !column.type().isBlank()) {
            sql.append(' ').append(column.type());
        }
        if (column.notNull()) {
            sql.append(" NOT NULL");
        }
        if (column.defaultExpression() != null) {
            sql.append(" DEFAULT ").append(column.defaultExpression());
        }
        if (column.collation() != null) {
            sql.append(" COLLATE ").append(column.collation());
        }
        if (column.generatedExpression() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(column.generatedExpression()).append(')')
                    .append(stored(table, column) ? " STORED" : " VIRTUAL");
        }
        return sql.toString();
    }

    /** The column is a {@code STORED} generated column (else, when generated, {@code VIRTUAL}). */
    private static boolean stored(Table table, Column column) {
        return kind(table).storedGenerated().contains(column.name());
    }

    private static int order(Constraint constraint) {
        return switch (constraint.type()) {
            case PRIMARY_KEY -> 0;
            case UNIQUE -> 1;
            case CHECK -> 2;
            case FOREIGN_KEY -> 3;
            default -> 4;
        };
    }

    /** The index as written ({@code definition}, for one on expressions), else from its keys. */
    static String createIndex(String table, Index index) {
        if (index.definition() != null) {
            return index.definition();
        }
        List<String> keys = new ArrayList<>();
        for (IndexKey key : index.keys()) {
            keys.add(quote(key.expression()) + (key.collation() != null ? " COLLATE " + key.collation() : "")
                    + (key.descending() ? " DESC" : ""));
        }
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON " + quote(table)
                + " (" + String.join(", ", keys) + ")" + (index.predicate() != null ? " WHERE " + index.predicate() : "");
    }

    static String dropIndex(Index index) {
        return "DROP INDEX " + quote(index.name());
    }

    static String dropTrigger(Trigger trigger) {
        return "DROP TRIGGER " + quote(trigger.name());
    }
}
