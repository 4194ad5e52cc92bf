package dev.schemagate.model;

import java.util.List;

/**
 * A column of a table or view. A table's columns are listed in position order, which is part of
 * the table; dropped columns are not listed.
 *
 * @param type                the type as {@code format_type} gives it, with modifiers: {@code character varying(40)}
 * @param collation           the collation if it is not the type's default, else null
 * @param defaultExpression   the default, or null (also null for generated columns)
 * @param identity            identity settings, or null
 * @param generatedExpression the expression of a GENERATED ALWAYS AS (...) STORED column, or null
 * @param statisticsTarget    the per-column statistics target if set, else null
 * @param storage             the storage (plain, external, extended, main) if not the type's default, else null
 * @param compression         the compression method if set (PostgreSQL 14+), else null
 * @param options             attribute options such as {@code n_distinct=7}, sorted
 * @param privileges          column-level grants
 * @param mysql               what MySQL and MariaDB alone say about the column; null for every other dialect
 */
public record Column(String name, String type, String collation, boolean notNull, String defaultExpression,
                     Identity identity, String generatedExpression, Integer statisticsTarget, String storage,
                     String compression, List<String> options, String comment, Privileges privileges,
                     MysqlColumn mysql) {

    public Column {
        options = Canonical.sorted(options, String::compareTo);
        privileges = Privileges.orNone(privileges);
    }

    /** A column of a dialect with nothing of its own to add. */
    public Column(String name, String type, String collation, boolean notNull, String defaultExpression,
                  Identity identity, String generatedExpression, Integer statisticsTarget, String storage,
                  String compression, List<String> options, String comment, Privileges privileges) {
        this(name, type, collation, notNull, defaultExpression, identity, generatedExpression, statisticsTarget, storage,
                compression, options, comment, privileges, null);
    }

    /** A plain column: just a name, a type and nullability. */
    public static Column of(String name, String type, boolean notNull) {
        return new Column(name, type, null, notNull, null, null, null, null, null, null, List.of(), null,
                Privileges.NONE);
    }
}
