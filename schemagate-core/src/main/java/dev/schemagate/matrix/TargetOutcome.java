package dev.schemagate.matrix;

import dev.schemagate.engine.VerifyResult;

/**
 * What one target of a matrix run came to: its verify result, or the reason it could not run at
 * all (its server did not start, the folder holds no migrations of its dialect).
 *
 * @param target the target
 * @param result its verify result, or null when it could not run
 * @param error  why it could not run, or null
 * @param input  whether that reason lies in the input (a usage or input error) rather than the database
 */
public record TargetOutcome(Target target, VerifyResult result, String error, boolean input) {

    public static TargetOutcome of(Target target, VerifyResult result) {
        return new TargetOutcome(target, result, null, false);
    }

    public static TargetOutcome broken(Target target, String error, boolean input) {
        return new TargetOutcome(target, null, error, input);
    }

    public boolean passed() {
        return result != null && result.passed();
    }
}
