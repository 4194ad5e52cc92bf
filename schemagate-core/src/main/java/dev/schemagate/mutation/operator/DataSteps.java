package dev.schemagate.mutation.operator;

import dev.schemagate.mutation.TableStatement;
import dev.schemagate.mutation.TargetScript;

import java.util.regex.Pattern;

/** What the data operators need to know of a statement: whether it copies rows, whether it drops a column or a table. */
final class DataSteps {

    private static final Pattern COPY = Pattern.compile("^\\s*(?:WITH\\b.*\\b)?(?:UPDATE|INSERT)\\b", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DROP_TABLE = Pattern.compile("^\\s*DROP\\s+TABLE\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_COLUMN = Pattern.compile("^DROP\\s+(?!CONSTRAINT\\b|DEFAULT\\b|NOT\\b|EXPRESSION\\b|IDENTITY\\b)"
            + "(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?" + TableStatement.IDENT, Pattern.CASE_INSENSITIVE);

    private DataSteps() {
    }

    static boolean copies(String masked) {
        return COPY.matcher(masked).find();
    }

    static boolean dropsData(String masked) {
        if (DROP_TABLE.matcher(masked).find()) {
            return true;
        }
        return TableStatement.parse(masked).filter(t -> !t.create())
                .map(t -> t.parts().stream().anyMatch(p -> DROP_COLUMN.matcher(p.of(masked)).lookingAt())).orElse(false);
    }

    /** The index of the first statement after {@code index} that drops a column or a table, or -1. */
    static int nextDrop(TargetScript script, int index) {
        for (int j = index + 1; j < script.statements().size(); j++) {
            if (dropsData(script.masked(j))) {
                return j;
            }
        }
        return -1;
    }
}
