package dev.schemagate.engine;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The checks a verify run can make; {@code --checks} names them by id. */
public enum CheckName {
    /** Every migration applies, in order. */
    APPLY,
    /** Every down script restores the schema, and the up script applies again. */
    REVERSIBILITY,
    /** Rows survive every up (unless it drops their table) and every down. */
    DATA,
    /** No invalid index, orphan row or lagging sequence after any migration; nothing left NOT VALID at the end. */
    INTEGRITY,
    /** The migration safety lint, with evidence from a seeded database. */
    LINT,
    /**
     * The database enforces what the schema declares: rows that break one constraint each are refused,
     * foreign-key actions do what they say, and a cascade a migration adds is shown with its reach.
     * Asked for by name; not among the defaults.
     */
    PROBES,
    /**
     * The new migrations profiled on filled tables (a small ladder): statements whose locks would block
     * writes for long at production size, and regressions against the baseline beside the migrations.
     * Asked for by name; not among the defaults.
     */
    PERFORMANCE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The checks a run makes unless told otherwise: all but {@link #PROBES} and {@link #PERFORMANCE}, asked for by name. */
    public static Set<CheckName> defaults() {
        return EnumSet.complementOf(EnumSet.of(PROBES, PERFORMANCE));
    }

    /** Reads a check from its id. */
    public static CheckName fromId(String id) {
        for (CheckName check : values()) {
            if (check.id().equalsIgnoreCase(id.trim())) {
                return check;
            }
        }
        throw new IllegalArgumentException("unknown check '" + id.trim() + "' (choose from " + idList() + ")");
    }

    private static String idList() {
        StringBuilder ids = new StringBuilder();
        for (CheckName check : values()) {
            ids.append(ids.length() == 0 ? "" : ", ").append(check.id());
        }
        return ids.toString();
    }
}
