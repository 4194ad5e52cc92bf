package dev.schemagate.data;

import dev.schemagate.model.QualifiedName;

import java.util.List;
import java.util.Map;

/**
 * How the rows of one table differ between two captures, seen through the columns both captures
 * have. A changed row counts once as missing (its old values) and once as unexpected (its new ones).
 *
 * @param columns           the columns compared: those both captures have, in the first capture's order
 * @param missing           rows of the first capture the second does not hold (lost or changed)
 * @param unexpected        rows of the second capture the first did not hold (added or changed)
 * @param sampleMissing     one missing row, projected on {@code columns}, or null when none is missing
 * @param sampleUnexpected  one unexpected row, projected on {@code columns}, or null
 * @param countsOnly        a capture was capped, so only the row counts were compared and there are no samples
 */
public record RowDifference(QualifiedName table, List<String> columns, long missing, long unexpected,
                            Map<String, String> sampleMissing, Map<String, String> sampleUnexpected,
                            boolean countsOnly) {

    public RowDifference {
        columns = List.copyOf(columns);
    }

    /** Both captures hold the same rows in the compared columns. */
    public boolean same() {
        return missing == 0 && unexpected == 0;
    }
}
