package dev.schemagate.matrix;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a matrix run: a verdict per target and where the targets disagree.
 *
 * @param outcomes    one per target, in target order
 * @param differences the migrations whose outcome differs between targets, in migration order
 * @param duration    the whole run's wall time
 */
public record MatrixResult(List<TargetOutcome> outcomes, List<MatrixDifference> differences, Duration duration) {

    public MatrixResult {
        outcomes = List.copyOf(outcomes);
        differences = List.copyOf(differences);
    }

    /** Whether every target ran and passed. */
    public boolean passed() {
        return outcomes.stream().allMatch(TargetOutcome::passed);
    }

    /** The targets that did not pass, for people. */
    public List<String> failing() {
        return outcomes.stream().filter(o -> !o.passed()).map(o -> o.target().label()).toList();
    }
}
