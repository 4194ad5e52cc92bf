package dev.schemagate.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two captures of one table as multisets of rows, projected on the columns both have: the
 * data check asks "does every table that still exists hold the same rows in the columns that still
 * exist", so a dropped or added column is the schema check's business, not this one's.
 */
public final class RowComparison {

    private RowComparison() {
    }

    public static RowDifference compare(TableRows before, TableRows after) {
        return compare(before, after, false);
    }

    /**
     * Compares as {@link #compare(TableRows, TableRows)}, and with {@code nullsMayFill} a row whose
     * NULLs now hold values still counts as kept: a value appearing where there was none loses nothing
     * (a backfill that a rollback leaves in place).
     */
    public static RowDifference compare(TableRows before, TableRows after, boolean nullsMayFill) {
        List<String> columns = before.columns().stream().filter(after.columns()::contains).toList();
        if (before.truncated() || after.truncated()) {
            return new RowDifference(before.table(), columns, Math.max(0, before.totalRows() - after.totalRows()),
                    Math.max(0, after.totalRows() - before.totalRows()), null, null, true);
        }
        Map<List<String>, Integer> remaining = counts(after.rows(), columns);
        List<List<String>> unmatched = new ArrayList<>();
        for (Map<String, String> row : before.rows()) {
            List<String> values = project(row, columns);
            Integer count = remaining.get(values);
            if (count == null || count == 0) {
                unmatched.add(values);
            } else {
                remaining.put(values, count - 1);
            }
        }
        if (nullsMayFill) {
            unmatched.removeIf(values -> takeFilled(values, remaining));
        }
        long missing = unmatched.size();
        Map<String, String> sampleMissing = unmatched.isEmpty() ? null : sample(columns, unmatched.get(0));
        long unexpected = 0;
        Map<String, String> sampleUnexpected = null;
        for (Map.Entry<List<String>, Integer> entry : remaining.entrySet()) {
            if (entry.getValue() > 0) {
                unexpected += entry.getValue();
                sampleUnexpected = sampleUnexpected == null ? sample(columns, entry.getKey()) : sampleUnexpected;
            }
        }
        return new RowDifference(before.table(), columns, missing, unexpected, sampleMissing, sampleUnexpected,
                false);
    }

    /** Takes a remaining row that holds {@code values} wherever they are not NULL; true when there was one. */
    private static boolean takeFilled(List<String> values, Map<List<String>, Integer> remaining) {
        for (Map.Entry<List<String>, Integer> entry : remaining.entrySet()) {
            if (entry.getValue() > 0 && fills(values, entry.getKey())) {
                entry.setValue(entry.getValue() - 1);
                return true;
            }
        }
        return false;
    }

    private static boolean fills(List<String> before, List<String> after) {
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i) != null && !before.get(i).equals(after.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static Map<List<String>, Integer> counts(List<Map<String, String>> rows, List<String> columns) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            counts.merge(project(row, columns), 1, Integer::sum);
        }
        return counts;
    }

    private static List<String> project(Map<String, String> row, List<String> columns) {
        List<String> values = new ArrayList<>(columns.size());
        for (String column : columns) {
            values.add(row.get(column));
        }
        return values;
    }

    private static Map<String, String> sample(List<String> columns, List<String> values) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), values.get(i));
        }
        return Collections.unmodifiableMap(row);
    }
}
