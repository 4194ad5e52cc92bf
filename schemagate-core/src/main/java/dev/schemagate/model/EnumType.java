package dev.schemagate.model;

import java.util.List;

/** An enum type; its labels keep their sort order, which is part of the type. */
public record EnumType(String schema, String name, List<String> labels, String owner, String comment,
                       Privileges privileges) implements SchemaObject {

    public EnumType {
        labels = Canonical.kept(labels);
        privileges = Privileges.orNone(privileges);
    }
}
