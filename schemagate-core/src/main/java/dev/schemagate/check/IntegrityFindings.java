package dev.schemagate.check;

import dev.schemagate.data.IntegrityProblem;
import dev.schemagate.dialect.Vocabulary;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Migration;

import java.util.List;

/** The findings of the integrity check, worded once for every report. */
public final class IntegrityFindings {

    public static final String INVALID_INDEX = "integrity.invalid-index";
    public static final String ORPHANS = "integrity.foreign-key-orphans";
    public static final String SEQUENCE_BEHIND = "integrity.sequence-behind";
    public static final String NOT_VALID = "integrity.not-valid-constraint";
    public static final String DAMAGED = "integrity.damaged";

    private IntegrityFindings() {
    }

    /** A problem that first showed after {@code migration} ran, told in the dialect's {@code words}. */
    public static Finding after(Migration migration, IntegrityProblem problem, Vocabulary words) {
        Location at = migration.up().location();
        return switch (problem.kind()) {
            case INVALID_INDEX -> new Finding(INVALID_INDEX, Severity.ERROR, at,
                    "index " + problem.object() + " on " + problem.table() + " is invalid after " + migration.displayName(),
                    "An invalid index slows writes and serves no reads: drop it and build it again"
                            + (words.invalidIndexCause().isEmpty() ? "." : " (" + words.invalidIndexCause() + ")."),
                    List.of(problem.detail()));
            case FOREIGN_KEY_ORPHANS -> new Finding(ORPHANS, Severity.ERROR, at,
                    "foreign key " + problem.object() + " of " + problem.table() + " has orphan rows after "
                            + migration.displayName(),
                    "Delete or fix the orphan rows: validating the constraint fails on them, and where the database "
                            + "checked nothing (a key added unchecked, or written with key checks off) the next write that touches them fails.",
                    List.of(problem.detail()));
            case SEQUENCE_BEHIND -> new Finding(SEQUENCE_BEHIND, Severity.ERROR, at,
                    "sequence " + problem.object() + " is behind the values of " + problem.table() + " after "
                            + migration.displayName(),
                    "The next insert that takes the default fails with a duplicate key: call setval() after copying "
                            + "rows with explicit ids.", List.of(problem.detail()));
            case NOT_VALID_CONSTRAINT -> new Finding(NOT_VALID, Severity.WARNING, at,
                    "constraint " + problem.object() + " of " + problem.table() + " is still " + words.unvalidated() + " after the last "
                            + "migration (added by " + migration.displayName() + ")",
                    "Rows written before it was added are not checked: " + words.validating(problem.object()) + ".",
                    List.of(problem.detail()));
            case DAMAGED -> new Finding(DAMAGED, Severity.ERROR, at,
                    "the database's consistency check fails on " + problem.table() + " after " + migration.displayName(),
                    "The migration left rows or an index the schema does not allow (it ran with checks off, or wrote "
                            + "the schema table directly): fix the rows or rebuild the index in a migration.",
                    List.of(problem.detail()));
        };
    }
}
