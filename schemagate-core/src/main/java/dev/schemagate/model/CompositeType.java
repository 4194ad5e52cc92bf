package dev.schemagate.model;

import java.util.List;

/** A composite type made with {@code CREATE TYPE ... AS (...)}; attributes keep their position order. */
public record CompositeType(String schema, String name, List<Attribute> attributes, String owner, String comment,
                            Privileges privileges) implements SchemaObject {

    public CompositeType {
        attributes = Canonical.kept(attributes);
        privileges = Privileges.orNone(privileges);
    }
}
