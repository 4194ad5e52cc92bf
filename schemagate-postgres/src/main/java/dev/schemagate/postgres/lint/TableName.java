package dev.schemagate.postgres.lint;

import dev.schemagate.lint.SqlText;

import java.util.List;

/**
 * A table (or view) as a statement names it: its schema when the statement writes one, else null,
 * and its name, both folded. Two names are the same table when their names are equal and their
 * schemas are too, or one of them has none: the search path decides, which the text does not show.
 * So {@code a.orders} and {@code b.orders} are two tables, and {@code orders} may be either.
 *
 * @param schema the schema as written, or null
 * @param name   the name without schema, as findings print it
 */
record TableName(String schema, String name) {

    /** A possibly schema-qualified name as written: {@code Public."Orders"} is (public, Orders). */
    static TableName of(String written) {
        List<String> parts = SqlText.splitTopLevel(written.strip(), '.');
        String name = SqlText.unquote(parts.get(parts.size() - 1).strip());
        return new TableName(parts.size() > 1 ? SqlText.unquote(parts.get(parts.size() - 2).strip()) : null, name);
    }

    /** The name of a table that may be unknown (null). */
    static String nameOf(TableName table) {
        return table == null ? null : table.name();
    }

    boolean sameAs(TableName other) {
        return other != null && name.equals(other.name) && (schema == null || other.schema == null || schema.equals(other.schema));
    }
}
