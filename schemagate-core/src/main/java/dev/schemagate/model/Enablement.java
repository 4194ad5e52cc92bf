package dev.schemagate.model;

/** When a trigger fires with respect to {@code session_replication_role}. */
public enum Enablement {
    /** Enabled: fires in origin and local modes ('O'). */
    ORIGIN,
    /** Disabled ('D'). */
    DISABLED,
    /** Fires only in replica mode ('R'). */
    REPLICA,
    /** Fires always ('A'). */
    ALWAYS
}
