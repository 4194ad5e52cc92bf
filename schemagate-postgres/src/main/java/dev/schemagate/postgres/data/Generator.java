package dev.schemagate.postgres.data;

import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * Makes one column's value in the row of number {@code k}: as an SQL literal (with its cast), for
 * inserts written row by row, and as an SQL expression of {@code k}, so that the server can make
 * millions of rows itself from {@code generate_series} by the same rule.
 */
interface Generator {

    /** Distinct {@code k} give distinct values wherever the type has room for them. */
    String literal(long k);

    /**
     * The value of row {@code k} as an SQL expression of {@code k} (an SQL expression of type bigint,
     * never negative); null when the value can only be written as a literal.
     */
    String expression(String k);

    static Generator of(LongFunction<String> literal, UnaryOperator<String> expression) {
        return new Generator() {
            @Override
            public String literal(long k) {
                return literal.apply(k);
            }

            @Override
            public String expression(String k) {
                return expression.apply(k);
            }
        };
    }
}
