package dev.schemagate.model;

/**
 * A range type.
 *
 * @param subtype          the element type
 * @param subtypeOpclass   the b-tree operator class if not the subtype's default, else null
 * @param collation        the collation if not the subtype's default, else null
 * @param canonical        the canonical function, or null
 * @param subtypeDiff      the subtype difference function, or null
 * @param multirange       the multirange type's name (PostgreSQL 14+), or null
 */
public record RangeType(String schema, String name, String subtype, String subtypeOpclass, String collation,
                        String canonical, String subtypeDiff, String multirange, String owner, String comment,
                        Privileges privileges) implements SchemaObject {

    public RangeType {
        privileges = Privileges.orNone(privileges);
    }
}
