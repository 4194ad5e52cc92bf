package dev.schemagate.mutation;

import java.util.List;

/**
 * The counts of one group of mutants, and its kill rate: caught (killed or timed out) over every
 * scored mutant; equivalent mutants and those not run do not count.
 */
public record Score(int killed, int survived, int timedOut, int equivalent, int notRun) {

    public static Score of(List<MutantResult> results) {
        int[] counts = new int[Verdict.values().length];
        results.forEach(r -> counts[r.verdict().ordinal()]++);
        return new Score(counts[Verdict.KILLED.ordinal()], counts[Verdict.SURVIVED.ordinal()], counts[Verdict.TIMED_OUT.ordinal()],
                counts[Verdict.EQUIVALENT.ordinal()], counts[Verdict.NOT_RUN.ordinal()]);
    }

    public int scored() {
        return killed + survived + timedOut;
    }

    /** The kill rate in percent, or 100 when nothing was scored. */
    public double killRate() {
        return scored() == 0 ? 100.0 : 100.0 * (killed + timedOut) / scored();
    }

    public int total() {
        return scored() + equivalent + notRun;
    }
}
