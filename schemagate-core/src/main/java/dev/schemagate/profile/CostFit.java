package dev.schemagate.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The model that best explains one series of medians over the ladder, with its coefficients and how
 * well it fits, so that a report can state the model rather than hide it and extrapolate from it.
 *
 * @param model    the chosen model; {@code t = a + b·f(n)} in milliseconds
 * @param a        the fixed part, in milliseconds
 * @param b        the part that grows, in milliseconds per unit of {@code f(n)}
 * @param r2       the coefficient of determination of the fit over the points (1 for a perfect fit)
 * @param points   how many table sizes the fit saw
 * @param why      how the model was chosen, for people
 */
public record CostFit(CostModel model, double a, double b, double r2, int points, String why) {

    /** Growth smaller than this fraction of the smallest size's time, or than the noise, is no growth. */
    static final double FLAT = 0.5;
    /** A model fits when it misses no point by more than the noise or this share of the point's time. */
    static final double TOLERANCE = 0.10;

    /**
     * Constant whatever the medians say, because the database showed why: the statement locked no
     * table that held rows, or read no page of any table, so the rows cannot be what it spends time on.
     */
    public static CostFit constant(List<Double> times, String why) {
        double mean = times.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new CostFit(CostModel.CONSTANT, mean, 0, 1, times.size(), why);
    }

    /** The time the model predicts at {@code rows} rows, in milliseconds. */
    public double predict(double rows) {
        return a + b * model.growth(rows);
    }

    /**
     * Fits the medians {@code times} (milliseconds) at {@code rows}; {@code noise} is the typical spread
     * of their repeats. Constant when the time grows by less than the noise or half the smallest
     * size's time; otherwise the simplest growing model that fits every point within the noise (or
     * 10%), since a short ladder cannot tell n from n log n better than that; failing all, the one
     * with the smallest relative error.
     */
    public static CostFit of(List<Integer> rows, List<Double> times, double noise) {
        int n = rows.size();
        if (n == 0) {
            return new CostFit(CostModel.CONSTANT, 0, 0, 1, 0, "no measurement");
        }
        double mean = times.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        if (n == 1) {
            return new CostFit(CostModel.CONSTANT, mean, 0, 1, 1, "one table size: no growth can be seen");
        }
        double first = times.get(0);
        double last = times.get(n - 1);
        double growth = last - first;
        if (growth <= Math.max(noise, FLAT * first)) {
            return new CostFit(CostModel.CONSTANT, mean, 0, rSquared(times, times.stream().map(t -> mean).toList()), n,
                    String.format(Locale.ROOT, "%+.2f ms from %,d to %,d rows, within the noise (%.2f ms) or half the smallest time",
                            growth, rows.get(0), rows.get(n - 1), noise));
        }
        CostFit chosen = null;
        CostFit best = null;
        List<CostModel> candidates = n == 2 ? List.of(CostModel.LINEAR) : List.of(CostModel.LINEAR, CostModel.N_LOG_N, CostModel.WORSE);
        for (CostModel model : candidates) {
            CostFit fit = fit(model, rows, times);
            if (chosen == null && withinNoise(fit, rows, times, noise)) {
                chosen = fit;
            }
            if (best == null || error(fit, rows, times) < error(best, rows, times)) {
                best = fit;
            }
        }
        if (n == 2) {
            chosen = best;
        }
        String why = n == 2 ? "two sizes show growth but not its curve: linear assumed" : chosen != null ? "the first of linear, n log n, n² whose fit misses no point by more than the noise or "
                + Math.round(TOLERANCE * 100) + "%" : "no model fits within the noise; the one with the least relative error";
        chosen = chosen != null ? chosen : best;
        List<Double> predicted = new ArrayList<>();
        for (int row : rows) {
            predicted.add(chosen.predict(row));
        }
        return new CostFit(chosen.model, chosen.a, chosen.b, rSquared(times, predicted), n, why);
    }

    /** Whether the fit misses no point by more than the noise or {@link #TOLERANCE} of its time. */
    private static boolean withinNoise(CostFit fit, List<Integer> rows, List<Double> times, double noise) {
        for (int i = 0; i < rows.size(); i++) {
            if (Math.abs(fit.predict(rows.get(i)) - times.get(i)) > Math.max(noise, TOLERANCE * times.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code model} fitted to the medians whatever the others would do, when the database's own work
     * counters say how the work grows and the times are too noisy to say otherwise.
     */
    public static CostFit as(CostModel model, List<Integer> rows, List<Double> times, String why) {
        CostFit fit = fit(model, rows, times);
        List<Double> predicted = new ArrayList<>();
        for (int row : rows) {
            predicted.add(fit.predict(row));
        }
        return new CostFit(model, fit.a, fit.b, rSquared(times, predicted), rows.size(), why);
    }

    /** {@code t = a + b·f(n)} by least squares weighted by {@code 1/t²} (relative error), with {@code a, b >= 0}. */
    private static CostFit fit(CostModel model, List<Integer> rows, List<Double> times) {
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < rows.size(); i++) {
            double t = Math.max(times.get(i), 1e-6);
            double w = 1 / (t * t);
            double x = model.growth(rows.get(i));
            sw += w;
            sx += w * x;
            sy += w * t;
            sxx += w * x * x;
            sxy += w * x * t;
        }
        double det = sw * sxx - sx * sx;
        double b = det == 0 ? 0 : (sw * sxy - sx * sy) / det;
        double a = (sy - b * sx) / sw;
        if (a < 0) {
            a = 0;
            b = sxx == 0 ? 0 : sxy / sxx;
        }
        if (b < 0) {
            b = 0;
            a = sy / sw;
        }
        return new CostFit(model, a, b, 0, rows.size(), "");
    }

    private static double error(CostFit fit, List<Integer> rows, List<Double> times) {
        double sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            double t = Math.max(times.get(i), 1e-6);
            double relative = (fit.predict(rows.get(i)) - t) / t;
            sum += relative * relative;
        }
        return sum;
    }

    private static double rSquared(List<Double> times, List<Double> predicted) {
        double mean = times.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double total = 0;
        double residual = 0;
        for (int i = 0; i < times.size(); i++) {
            total += Math.pow(times.get(i) - mean, 2);
            residual += Math.pow(times.get(i) - predicted.get(i), 2);
        }
        return total == 0 ? 1 : Math.max(0, 1 - residual / total);
    }

    /** The model with its coefficients and fit, as a report states it. */
    public String describe() {
        if (model == CostModel.CONSTANT) {
            return String.format(Locale.ROOT, "constant (t ≈ %s over %d sizes: %s)", Durations.human(a), points, why);
        }
        return String.format(Locale.ROOT, "%s (%s, a = %s, b = %.4g ms, R² = %.3f over %d sizes)", model.label(), model.formula(),
                Durations.human(a), b, r2, points);
    }
}
