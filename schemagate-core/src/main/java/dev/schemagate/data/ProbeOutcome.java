package dev.schemagate.data;

import dev.schemagate.model.QualifiedName;

/**
 * What one constraint probe tried on a table and what the database did: the evidence behind the
 * probes check, one per declared rule (a row that breaks only that rule, a delete or update under a foreign-key
 * action), and one per JUnit dynamic test. Dialect-neutral: the dialect fills in its own words.
 *
 * @param table    the table probed
 * @param subject  the constraint, column or table the probe is about, as the schema names it
 * @param kind     what was probed
 * @param tried    the row or statement tried, for people
 * @param expected what the declaration promises ({@code refused with 23514})
 * @param verdict  whether the database kept the promise
 * @param breach   for a broken promise, how it was broken; null otherwise
 * @param observed what the database did instead, or why the probe could not be made
 */
public record ProbeOutcome(QualifiedName table, String subject, Kind kind, String tried, String expected,
                           Verdict verdict, Breach breach, String observed) {

    /** What a probe is about. */
    public enum Kind {
        /** A valid row goes in, and is stored as written. */
        WRITE, NOT_NULL, CHECK, UNIQUE, PRIMARY_KEY, FOREIGN_KEY, EXCLUSION, DOMAIN,
        /** Deleting a referenced row does what the foreign key's ON DELETE says. */
        ON_DELETE,
        /** Changing a referenced row's key does what the foreign key's ON UPDATE says. */
        ON_UPDATE,
        /** A deferrable constraint waits for the end of the transaction, and fails once made immediate. */
        DEFERRAL
    }

    /** Whether the database kept the declaration's promise. */
    public enum Verdict { HELD, BROKEN, SKIPPED }

    /** How a promise was broken. */
    public enum Breach {
        /** A valid row was refused by a trigger, a rule or a row security policy. */
        REFUSED,
        /** A valid row was refused by a CHECK constraint: no row may satisfy it (or none the probe could build). */
        UNSATISFIED,
        /** The insert said it was done, yet no row was stored. */
        LOST,
        /** The row was stored with other values than those written. */
        REWRITTEN,
        /** A row that breaks the constraint was accepted. */
        ACCEPTED,
        /** A delete of a referenced row, or a change of its key, did not do what the foreign key declares. */
        ACTION
    }

    /** A promise kept. */
    public static ProbeOutcome held(QualifiedName table, String subject, Kind kind, String tried, String expected,
                                    String observed) {
        return new ProbeOutcome(table, subject, kind, tried, expected, Verdict.HELD, null, observed);
    }

    /** A promise broken, and how. */
    public static ProbeOutcome broken(QualifiedName table, String subject, Kind kind, String tried, String expected,
                                      Breach breach, String observed) {
        return new ProbeOutcome(table, subject, kind, tried, expected, Verdict.BROKEN, breach, observed);
    }

    /** A probe that could not be made, and why. */
    public static ProbeOutcome skipped(QualifiedName table, String subject, Kind kind, String why) {
        return new ProbeOutcome(table, subject, kind, "", "", Verdict.SKIPPED, null, why);
    }

    /** What identifies the probe across runs: one finding per broken promise, however often it is probed. */
    public String key() {
        return table + "|" + subject + "|" + kind;
    }

    /** A name for people and test reports: {@code public.orders: CHECK orders_total_check}. */
    public String name() {
        return table + ": " + kind.name().replace('_', ' ') + " " + subject;
    }
}
