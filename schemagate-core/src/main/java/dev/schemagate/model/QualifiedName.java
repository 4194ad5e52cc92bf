package dev.schemagate.model;

import java.util.Comparator;

/**
 * A schema-qualified name: how objects that live in a schema refer to each other (a foreign key's
 * table, a partition's parent, a view's dependencies).
 */
public record QualifiedName(String schema, String name) {

    /** Schema first, then name, both by their characters. */
    public static final Comparator<QualifiedName> ORDER =
            Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name);

    public QualifiedName {
        if (schema == null || name == null) {
            throw new IllegalArgumentException("a qualified name needs a schema and a name");
        }
    }

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(schema, name);
    }

    /** {@code schema.name}, unquoted; for people, not for SQL. */
    @Override
    public String toString() {
        return schema + "." + name;
    }
}
