package dev.schemagate.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What every benchmark prints of its runs: the median of several timings, in milliseconds. */
final class Timings {

    private Timings() {
    }

    /** The middle of {@code nanos} once sorted (the upper one of an even count). */
    static long median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }
}
