package dev.schemagate.model;

/** Points at one column of one table, as a sequence's OWNED BY does. */
public record ColumnReference(QualifiedName table, String column) {
}
