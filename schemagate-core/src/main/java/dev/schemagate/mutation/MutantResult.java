package dev.schemagate.mutation;

import dev.schemagate.check.Finding;

import java.time.Duration;
import java.util.List;

/**
 * One mutant's fate.
 *
 * @param mutant   the mutant
 * @param verdict  killed, survived, ...
 * @param caughtBy what the gate reported that the unmutated run did not (empty unless killed by the gate)
 * @param note     a word on the verdict: the test command's exit, why it was not run, why it is equivalent
 * @param took     how long its checks took
 */
public record MutantResult(Mutant mutant, Verdict verdict, List<Finding> caughtBy, String note, Duration took) {

    public MutantResult {
        caughtBy = List.copyOf(caughtBy);
    }
}
