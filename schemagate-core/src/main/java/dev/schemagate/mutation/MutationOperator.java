package dev.schemagate.mutation;

import dev.schemagate.check.Severity;

import java.util.List;

/**
 * One kind of realistic mistake made to a migration script: a mutation operator. Each proposes, for
 * a script, every place the mistake can be made; each proposal becomes one mutant.
 */
public interface MutationOperator {

    /** A stable id: {@code schema.drop-not-null}. */
    String id();

    Category category();

    /** How bad the mistake would be in production: an error loses data or breaks the application. */
    Severity severity();

    /** What the operator does, for people. */
    String description();

    /** The check (or kind of test) that should catch the mistake, said to the user when it survives. */
    String caughtBy();

    /** Every change the operator can make to the script; empty when none applies. */
    List<Change> changes(TargetScript script);
}
