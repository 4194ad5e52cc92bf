package dev.schemagate.model;

import java.util.List;

/**
 * A row-level security policy.
 *
 * @param command   {@code ALL}, {@code SELECT}, {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * @param roles     the roles it applies to ({@code PUBLIC} for all), sorted
 * @param using     the USING expression, or null
 * @param withCheck the WITH CHECK expression, or null
 */
public record Policy(String name, boolean permissive, String command, List<String> roles, String using,
                     String withCheck, String comment) {

    public Policy {
        roles = Canonical.sorted(roles, String::compareTo);
    }
}
