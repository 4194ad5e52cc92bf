package dev.schemagate.model;

import java.util.Comparator;

/**
 * One privilege held by one role on an object.
 *
 * @param grantee   the role's name, or {@code PUBLIC}
 * @param privilege the privilege as SQL names it: {@code SELECT}, {@code USAGE}, {@code EXECUTE}...
 * @param grantable whether it was granted WITH GRANT OPTION
 */
public record Grant(String grantee, String privilege, boolean grantable) {

    static final Comparator<Grant> ORDER = Comparator.comparing(Grant::grantee)
            .thenComparing(Grant::privilege).thenComparing(Grant::grantable);

    public static final String PUBLIC = "PUBLIC";
}
