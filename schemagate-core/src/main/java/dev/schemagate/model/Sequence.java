package dev.schemagate.model;

/**
 * A stand-alone sequence (identity columns' sequences belong to their column instead). Its current
 * value is data, not schema, and is not recorded.
 *
 * @param ownedBy the column it is OWNED BY, or null
 */
public record Sequence(String schema, String name, SequenceOptions options, ColumnReference ownedBy, String owner,
                       String comment, Privileges privileges) implements SchemaObject {

    public Sequence {
        privileges = Privileges.orNone(privileges);
    }
}
