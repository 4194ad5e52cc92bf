package dev.schemagate.migration;

import java.util.Optional;

/**
 * One migration: a version (absent for Flyway repeatables), a description, an up script and an
 * optional down script.
 *
 * @param version     the version, or null for a repeatable migration
 * @param description the human part of the name, such as {@code create_users}
 * @param up          the script that applies the migration
 * @param down        the script that reverts it, if the layout has one
 * @param condition   what decides on the database whether it runs (a changeset's preconditions), if anything
 */
public record Migration(Version version, String description, Script up, Optional<Script> down, Optional<RunCondition> condition) {

    public Migration(Version version, String description, Script up, Optional<Script> down) {
        this(version, description, up, down, Optional.empty());
    }

    public boolean repeatable() {
        return version == null;
    }

    /** The name people see: {@code 0003 add_orders}, or {@code R add_views} for a repeatable. */
    public String displayName() {
        String v = version == null ? "R" : version.text();
        return description.isEmpty() ? v : v + " " + description;
    }
}
