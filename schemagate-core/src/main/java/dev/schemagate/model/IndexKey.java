package dev.schemagate.model;

/**
 * One key of an index.
 *
 * @param expression   the column name, or the expression for an expression key
 * @param opclass      the operator class if not the default for the type, else null
 * @param collation    the collation if not the column's, else null
 * @param descending   DESC
 * @param nullsFirst   nulls sort first (the default for DESC)
 */
public record IndexKey(String expression, String opclass, String collation, boolean descending,
                       boolean nullsFirst) {
}
