package dev.schemagate.check;

import dev.schemagate.data.ProbeOutcome;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The findings of the probes check, worded once for every report. */
public final class ProbeFindings {

    public static final String WRITE_REFUSED = "probes.write-refused";
    public static final String WRITE_LOST = "probes.write-lost";
    public static final String WRITE_REWRITTEN = "probes.write-rewritten";
    public static final String NOT_ENFORCED = "probes.not-enforced";
    public static final String FOREIGN_KEY_ACTION = "probes.foreign-key-action";
    public static final String CASCADE_REACH = "probes.cascade-reach";
    public static final String UNAVAILABLE = "probes.unavailable";

    private ProbeFindings() {
    }

    /** The rule a broken probe breaks. */
    public static String rule(ProbeOutcome outcome) {
        return switch (outcome.breach()) {
            case REFUSED, UNSATISFIED -> WRITE_REFUSED;
            case LOST -> WRITE_LOST;
            case REWRITTEN -> WRITE_REWRITTEN;
            case ACCEPTED -> NOT_ENFORCED;
            case ACTION -> FOREIGN_KEY_ACTION;
        };
    }

    /** A promise the database broke after {@code migration}, as a finding located at it. */
    public static Finding broken(Migration migration, ProbeOutcome outcome) {
        Location at = migration.up().location();
        String write = outcome.kind() == ProbeOutcome.Kind.ON_UPDATE ? "update of the referenced key" : "delete";
        List<String> evidence = new ArrayList<>();
        evidence.add("tried: " + outcome.tried());
        evidence.add("expected: " + outcome.expected());
        evidence.add("the database: " + outcome.observed());
        return switch (outcome.breach()) {
            case REFUSED -> new Finding(WRITE_REFUSED, Severity.ERROR, at,
                    outcome.table() + " refuses a row that keeps every constraint after " + migration.displayName()
                            + ": " + outcome.observed(),
                    "No application can write this table: fix or drop the trigger, rule or row security policy "
                            + "that refuses it, or give the table's owner a policy that admits its own rows.", evidence);
            case UNSATISFIED -> new Finding(WRITE_REFUSED, Severity.WARNING, at,
                    outcome.table() + " refused every row the probe built, by " + outcome.subject() + " after "
                            + migration.displayName(),
                    "Check that some row can satisfy the constraint (two bounds that exclude each other, a list no "
                            + "value is in); if one can, the probe could not build it and this note can be ignored.", evidence);
            case LOST -> new Finding(WRITE_LOST, Severity.ERROR, at,
                    "an insert into " + outcome.table() + " reports success but stores no row after "
                            + migration.displayName() + ": " + outcome.observed(),
                    "A BEFORE trigger returning NULL or a DO INSTEAD rule drops the write silently: make it write "
                            + "the row, or refuse it with an error the application sees.", evidence);
            case REWRITTEN -> new Finding(WRITE_REWRITTEN, Severity.WARNING, at,
                    outcome.table() + " stores other values than those written after " + migration.displayName()
                            + ": " + outcome.observed(),
                    "A trigger or rule changes the row on its way in: if that is meant (a timestamp kept by the "
                            + "database), nothing to do; otherwise the application's values are silently lost.", evidence);
            case ACCEPTED -> new Finding(NOT_ENFORCED, Severity.ERROR, at,
                    outcome.kind().name().replace('_', ' ') + " " + outcome.subject() + " of " + outcome.table()
                            + " is declared but not enforced after " + migration.displayName() + ": a row that breaks it went in",
                    "The schema promises what the database does not check (triggers disabled with DISABLE TRIGGER ALL "
                            + "switch foreign keys off): enable the triggers, or validate and re-create the constraint.", evidence);
            case ACTION -> new Finding(FOREIGN_KEY_ACTION, Severity.ERROR, at,
                    "foreign key " + outcome.subject() + " of " + outcome.table() + " does not do what it declares after "
                            + migration.displayName() + ": " + outcome.observed(),
                    "A trigger or rule acts on the " + write + " before the key does, or the key's triggers are disabled: "
                            + "make the " + write + " do what the key declares, or declare what it does.", evidence);
        };
    }

    /** A cascade the migration added, with the tables a delete now reaches. */
    public static Finding cascade(Migration migration, CascadeReach.Reach reach) {
        String reached = reach.reached().stream().map(Object::toString).collect(Collectors.joining(", "));
        return new Finding(CASCADE_REACH, Severity.WARNING, migration.up().location(),
                migration.displayName() + " makes a delete on " + reach.edge().parent() + " cascade through "
                        + reach.edge().constraint() + ": it now deletes rows of " + reached,
                "Make sure each path is meant: a delete of one row can now remove rows of every table on it. "
                        + "ON DELETE RESTRICT or NO ACTION refuses instead.", reach.paths());
    }

    /** The probes check was asked for on a dialect that has none. */
    public static Finding unavailable(MigrationSet set, String dialect) {
        return new Finding(UNAVAILABLE, Severity.INFO, Location.of(set.directory()),
                "the probes check has no probes for " + dialect + " yet, so it did not run",
                "The other checks ran in full; leave probes out of --checks to drop this note.", List.of());
    }
}
