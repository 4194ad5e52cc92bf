package dev.schemagate.check;

import dev.schemagate.migration.Location;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.RunCondition;

import java.util.List;
import java.util.Optional;

/**
 * What a migration's run condition (a Liquibase changeset's preconditions) decided on the database,
 * as findings at the migration: it stopped the run ({@code HALT}, an error), it was not met and the
 * migration ran anyway ({@code WARN}, a warning), or it skipped the migration ({@code MARK_RAN},
 * {@code CONTINUE}, a note).
 */
public final class ConditionFindings {

    public static final String HALTED = "apply.precondition-halted";
    public static final String NOT_MET = "apply.precondition-not-met";
    public static final String UNDECIDED = "lint.preconditions-undecided";

    private ConditionFindings() {
    }

    /** The finding for a decision other than {@link RunCondition.Verdict#RUN}. */
    public static Finding of(Migration migration, RunCondition.Decision decision) {
        List<String> evidence = List.of("precondition: " + decision.message(), "handling: " + decision.handling());
        if (decision.whole().isPresent()) {
            return ofWhole(migration, decision, decision.whole().get(), evidence);
        }
        return switch (decision.verdict()) {
            case HALT -> new Finding(HALTED, Severity.ERROR, migration.up().location(), migration.displayName()
                    + ": its preconditions are not met on the database at this point, and they stop the run ("
                    + decision.handling() + "): " + decision.message(),
                    "Make the changesets before it leave the database as the preconditions expect, or say what to do when"
                            + " they are not met: onFail=\"MARK_RAN\" skips the changeset, onFail=\"WARN\" runs it anyway.",
                    evidence);
            case WARN -> new Finding(NOT_MET, Severity.WARNING, migration.up().location(), migration.displayName()
                    + ": its preconditions are not met on the database at this point, and it ran anyway ("
                    + decision.handling() + "): " + decision.message(), "", evidence);
            case SKIP -> new Finding(NOT_MET, Severity.INFO, migration.up().location(), migration.displayName()
                    + ": skipped, as its preconditions are not met on the database at this point (" + decision.handling()
                    + "): " + decision.message(), "", evidence);
            case RUN -> throw new IllegalArgumentException("a migration that runs has no finding");
        };
    }

    /**
     * The note of a lint that reads the text alone when migrations have run conditions: it cannot
     * tell which the database would skip, so it judged them all; once, at the first of them.
     */
    public static Optional<Finding> undecided(MigrationSet set) {
        List<Migration> conditioned = set.migrations().stream().filter(migration -> migration.condition().isPresent()).toList();
        if (conditioned.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(UNDECIDED, Severity.INFO, conditioned.get(0).up().location(), conditioned.size()
                + (conditioned.size() == 1 ? " migration has" : " migrations have") + " preconditions that ask the database, such as "
                + conditioned.get(0).displayName() + "; reading the text alone cannot tell which would be skipped, so all were judged",
                "Lint with a database (without --static), or run 'schemagate verify', to leave out the changesets their preconditions skip.",
                List.of()));
    }

    /** A changelog's own preconditions, checked before its first migration: they stop the run or warn, never skip. */
    private static Finding ofWhole(Migration migration, RunCondition.Decision decision, Location at, List<String> evidence) {
        return switch (decision.verdict()) {
            case HALT -> new Finding(HALTED, Severity.ERROR, at, "the changelog's preconditions are not met on the database before"
                    + " its first changeset, " + migration.displayName() + ", and they stop the run (" + decision.handling() + "): "
                    + decision.message(),
                    "Make the database meet the changelog's preconditions, or set onFail=\"WARN\" on them to run the changelog anyway;"
                            + " a changelog's preconditions cannot skip it (MARK_RAN and CONTINUE stop the run there).",
                    evidence);
            case WARN -> new Finding(NOT_MET, Severity.WARNING, at, "the changelog's preconditions are not met on the database before"
                    + " its first changeset, and it ran anyway (" + decision.handling() + "): " + decision.message(), "", evidence);
            case SKIP, RUN -> throw new IllegalArgumentException("a changelog's preconditions stop the run or warn");
        };
    }
}
