package dev.schemagate.postgres.data;

import dev.schemagate.model.QualifiedName;

/** Quoting for the SQL this package writes: identifiers are always double-quoted, so any name is safe. */
final class Quote {

    private Quote() {
    }

    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String name(QualifiedName name) {
        return ident(name.schema()) + "." + ident(name.name());
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
