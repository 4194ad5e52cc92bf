package dev.schemagate.matrix;

import dev.schemagate.check.Finding;
import dev.schemagate.engine.MigrationOutcome;

import java.util.List;

/**
 * A migration whose outcome differs between the targets that ran it: it applies on one and fails
 * on another, or rolls back on one and not on the other.
 *
 * @param migration the migration, as every report names it ({@code 0042 add_index})
 * @param verdicts  its outcome on each target that ran it, in target order
 */
public record MatrixDifference(String migration, List<Verdict> verdicts) {

    public MatrixDifference {
        verdicts = List.copyOf(verdicts);
    }

    /**
     * The migration's outcome on one target.
     *
     * @param target  the target
     * @param outcome the migration's outcome there
     * @param reason  the first error about the migration there, or null when it went through
     */
    public record Verdict(Target target, MigrationOutcome outcome, Finding reason) {
    }
}
