package dev.schemagate.model;

/** A field of a composite type, with its type as {@code format_type} gives it. */
public record Attribute(String name, String type, String collation) {
}
