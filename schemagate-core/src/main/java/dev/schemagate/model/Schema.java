package dev.schemagate.model;

/**
 * A schema (namespace); system schemas are never part of a snapshot. Every field is common: SQLite
 * has its one {@code main} schema, MySQL a database per schema, without owner or grants of its own.
 */
public record Schema(String name, String owner, String comment, Privileges privileges) {

    public Schema {
        privileges = Privileges.orNone(privileges);
    }
}
