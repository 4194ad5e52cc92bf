package dev.schemagate.profile;

/**
 * When a median is a regression: more than {@code threshold} slower than the baseline's median,
 * slower by more than the noise (the larger spread of the repeats, then or now), and slower by more
 * than {@code floorMs} milliseconds, so that 2 ms becoming 3 ms is no alarm.
 */
public record RegressionRule(double threshold, double floorMs) {

    public boolean regressed(Timing baseline, Timing now) {
        double slower = now.median() - baseline.median();
        return now.median() > baseline.median() * (1 + threshold)
                && slower > Math.max(baseline.spread(), now.spread())
                && slower > floorMs;
    }
}
