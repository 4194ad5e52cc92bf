package dev.schemagate.mutation;

import dev.schemagate.engine.VerifyOptions;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a mutation run needs: the verify options the gate runs with, and how the mutants are
 * drawn and run.
 *
 * @param verify       the gate: the checks, config, server and dialect the project's verify run uses
 * @param jobs         how many mutants run at once
 * @param maxMutants   at most this many mutants, drawn with {@code sampleSeed}; 0 for all
 * @param sampleSeed   what the draw derives from: the same seed draws the same mutants
 * @param timeout      how long one mutant may run before it counts as timed out
 * @param testCommand  a shell command run in a copy of {@code project} with the mutant written in,
 *                     for mutants the gate did not catch; a failing exit kills it; null for none
 * @param project      the folder copied for the test command
 * @param minKillRate  the kill rate in percent below which the run fails; 0 for no threshold
 */
public record MutationOptions(VerifyOptions verify, int jobs, int maxMutants, long sampleSeed, Duration timeout, String testCommand,
                              Path project, double minKillRate) {

    public MutationOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, not " + jobs);
        }
        if (maxMutants < 0) {
            throw new IllegalArgumentException("--max-mutants must be 0 (all) or more, not " + maxMutants);
        }
        if (minKillRate < 0 || minKillRate > 100) {
            throw new IllegalArgumentException("--min-kill-rate is a percentage from 0 to 100, not " + minKillRate);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be positive, not " + timeout.toSeconds() + "s");
        }
    }
}
