package dev.schemagate.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The repeats of one measurement at one table size, in milliseconds: their median, and their spread
 * (slowest minus fastest), which is the noise a later run must exceed before it is called slower.
 */
public record Timing(double median, double spread, List<Double> samples) {

    public Timing {
        samples = List.copyOf(samples);
    }

    public static Timing of(List<Double> samples) {
        if (samples.isEmpty()) {
            return new Timing(0, 0, List.of());
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Timing(round(median), round(sorted.get(n - 1) - sorted.get(0)), samples.stream().map(Timing::round).toList());
    }

    /** Milliseconds to a thousandth (a microsecond): finer figures are noise, and the files stay short. */
    static double round(double milliseconds) {
        return Math.round(milliseconds * 1000) / 1000.0;
    }
}
