package dev.schemagate.model;

/**
 * An installed extension. The objects it creates are not in the snapshot: the extension and its
 * version stand for them.
 */
public record Extension(String name, String schema, String version, String comment) {
}
