package dev.schemagate.profile;

import java.util.function.DoubleUnaryOperator;

/**
 * How a statement's time grows with the rows in its tables: {@code t = a + b·f(n)}. Constant is
 * catalog-only work; linear a scan or a rewrite; n log n a sort (an index build); worse is
 * anything that grows faster, fitted as {@code n²}.
 */
public enum CostModel {
    CONSTANT("constant", n -> 0),
    LINEAR("linear", n -> n),
    N_LOG_N("n log n", n -> n * Math.log(n)),
    WORSE("worse than n log n", n -> n * n);

    private final String label;
    private final DoubleUnaryOperator growth;

    CostModel(String label, DoubleUnaryOperator growth) {
        this.label = label;
        this.growth = growth;
    }

    public String label() {
        return label;
    }

    /** {@code f(n)} of the model. */
    public double growth(double rows) {
        return growth.applyAsDouble(rows);
    }

    /** How the model is written in a report, with its coefficients in milliseconds. */
    public String formula() {
        return switch (this) {
            case CONSTANT -> "t = a";
            case LINEAR -> "t = a + b·n";
            case N_LOG_N -> "t = a + b·n·ln n";
            case WORSE -> "t = a + b·n²";
        };
    }
}
