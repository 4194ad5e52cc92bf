package dev.schemagate.model;

import java.util.List;

/**
 * An object's access control list, as its difference from the built-in defaults for its kind: what
 * was granted beyond them, and which of them were revoked. Two objects whose effective
 * privileges are the same compare equal, whether the catalog stored a default or an explicit list,
 * and the owner's own default privileges never appear.
 */
public record Privileges(List<Grant> granted, List<Grant> revoked) {

    public static final Privileges NONE = new Privileges(List.of(), List.of());

    public Privileges {
        granted = Canonical.sorted(granted, Grant.ORDER);
        revoked = Canonical.sorted(revoked, Grant.ORDER);
    }

    /** Null (as when a JSON file leaves the privileges out) means the defaults. */
    static Privileges orNone(Privileges privileges) {
        return privileges == null ? NONE : privileges;
    }

    /** True when nothing differs from the defaults for the object's kind. */
    public boolean defaults() {
        return granted.isEmpty() && revoked.isEmpty();
    }
}
