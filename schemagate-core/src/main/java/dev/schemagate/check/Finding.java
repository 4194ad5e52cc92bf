package dev.schemagate.check;

import dev.schemagate.migration.Location;

import java.util.List;

/**
 * One thing a check found: the currency every check pays in and every report renders.
 *
 * @param ruleId   a stable id such as {@code apply.statement-failed}, documented in {@code docs/rules/}
 * @param severity how much it matters
 * @param location where, or {@link Location#of} a file, or null for the whole run
 * @param message  what happened, in one sentence
 * @param hint     what to do about it
 * @param evidence supporting lines: the server's detail, surrounding SQL, diff lines, locks, timings
 */
public record Finding(String ruleId, Severity severity, Location location, String message, String hint,
                      List<String> evidence) {

    public Finding {
        evidence = List.copyOf(evidence);
        hint = hint == null ? "" : hint;
    }
}
