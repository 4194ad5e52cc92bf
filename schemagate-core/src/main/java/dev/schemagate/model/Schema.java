package dev.schemagate.model;

/** A schema (namespace); system schemas are never part of a snapshot. */
public record Schema(String name, String owner, String comment, Privileges privileges) {

    public Schema {
        privileges = Privileges.orNone(privileges);
    }
}
