package dev.schemagate.profile;

import java.util.Locale;

/**
 * What a statement's cost model says about a size the ladder did not reach:
 * "rewrites orders: about 40 min at 100,000,000 rows, holding ACCESS EXCLUSIVE on orders the whole time".
 */
public final class Extrapolation {

    /** A lock held this much longer than the statement runs is held "until its transaction commits", not "the whole time". */
    private static final double WHOLE_TIME = 1.1;

    private Extrapolation() {
    }

    public static String sentence(StatementProfile statement, long rows) {
        double time = statement.fit().predict(rows);
        StringBuilder text = new StringBuilder(statement.action()).append(": ");
        if (statement.fit().model() == CostModel.CONSTANT) {
            text.append("about ").append(Durations.human(time)).append(" at any size (constant: ").append(statement.fit().why()).append(")");
        } else {
            text.append("about ").append(Durations.human(time)).append(" at ").append(String.format(Locale.ROOT, "%,d", rows))
                    .append(" rows (").append(statement.fit().model().label()).append(")");
        }
        if (!statement.locks().isEmpty()) {
            double held = Math.max(time, statement.heldFit().predict(rows));
            text.append(", holding ").append(String.join(", ", statement.locks()));
            text.append(held <= time * WHOLE_TIME ? " the whole time"
                    : " for about " + Durations.human(held) + " (until its transaction commits)");
        }
        return text.toString();
    }
}
