package dev.schemagate.model;

import dev.schemagate.model.dialect.MysqlColumn;
import dev.schemagate.model.dialect.PostgresColumn;

/**
 * A column of a table or view. A table's columns are listed in position order, which is part of
 * the table; dropped columns are not listed.
 *
 * @param type                the type as the database writes it, with modifiers: {@code character varying(40)}
 * @param collation           the collation if it is not the type's default, else null
 * @param defaultExpression   the default, or null (also null for generated columns)
 * @param identity            identity settings, or null
 * @param generatedExpression the expression of a generated column, or null
 * @param privileges          column-level grants
 * @param postgres            what PostgreSQL alone says about the column; {@link PostgresColumn#DEFAULTS} for
 *                            every other dialect
 * @param mysql               what MySQL and MariaDB alone say about the column; null for every other dialect
 */
public record Column(String name, String type, String collation, boolean notNull, String defaultExpression,
                     Identity identity, String generatedExpression, String comment, Privileges privileges,
                     PostgresColumn postgres, MysqlColumn mysql) {

    public Column {
        privileges = Privileges.orNone(privileges);
        postgres = PostgresColumn.orDefaults(postgres);
    }

    /** A column of a dialect with nothing of its own to add. */
    public Column(String name, String type, String collation, boolean notNull, String defaultExpression,
                  Identity identity, String generatedExpression, String comment, Privileges privileges) {
        this(name, type, collation, notNull, defaultExpression, identity, generatedExpression, comment, privileges,
                null, null);
    }

    /** A plain column: just a name, a type and nullability. */
    public static Column of(String name, String type, boolean notNull) {
        return new Column(name, type, null, notNull, null, null, null, null, Privileges.NONE);
    }
}
