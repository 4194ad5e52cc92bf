package dev.schemagate.check;

import dev.schemagate.migration.Location;
import dev.schemagate.migration.MigrationSet;

import java.util.List;

/**
 * Says that the lint check did not run because the run's dialect has no lint rules yet: the lint's
 * rules are written for one database's statements and locks, and would misjudge another's.
 */
public final class LintAvailability {

    public static final String UNAVAILABLE = "lint.unavailable";

    private LintAvailability() {
    }

    public static Finding unavailable(MigrationSet set, String dialect) {
        return new Finding(UNAVAILABLE, Severity.INFO, Location.of(set.directory()),
                "the lint check has no rules for " + dialect + " yet, so it did not run",
                "The other checks ran in full; leave lint out of --checks to drop this note.", List.of());
    }
}
