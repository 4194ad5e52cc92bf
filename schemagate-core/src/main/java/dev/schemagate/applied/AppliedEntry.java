package dev.schemagate.applied;

/**
 * One migration as a history table records it, already reduced to its last state (a goose row
 * that was rolled back, or a Flyway version undone, is no entry at all).
 *
 * @param kind        a migration, a Flyway repeatable (no version), or a Flyway baseline
 * @param version     the version as the tool stores it, or null for a repeatable or a Liquibase changeset
 * @param description the description, a repeatable's name, or a Liquibase changeset's {@code author:id}
 * @param script      the file as the tool names it (Flyway's {@code script}, Liquibase's {@code filename}), or ""
 * @param success     false when the tool recorded a failure (Flyway, sqlx, Liquibase) or a dirty version (golang-migrate)
 * @param checksum    the checksum the tool recorded (Flyway's CRC32 as a number, sqlx's SHA-384 in hex), or null
 */
public record AppliedEntry(Kind kind, String version, String description, String script, boolean success, String checksum) {

    /** What the entry stands for. */
    public enum Kind { MIGRATION, REPEATABLE, BASELINE }

    /** How people name it: its version, or its description when it has none. */
    public String displayName() {
        return version != null ? version : description;
    }
}
