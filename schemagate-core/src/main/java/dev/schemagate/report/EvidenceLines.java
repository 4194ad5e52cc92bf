package dev.schemagate.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a finding's evidence as a diff when it is one (lines starting with {@code +} or
 * {@code -}), and pairs removed and added lines into rows, so a schema difference can be shown
 * side by side.
 */
final class EvidenceLines {

    /** One row of a side-by-side diff; either side may be null (nothing on that side). */
    record Row(String left, String right, boolean changed) {
    }

    private EvidenceLines() {
    }

    static boolean isDiff(List<String> evidence) {
        return evidence.stream().anyMatch(line -> line.startsWith("+") || line.startsWith("-"));
    }

    /**
     * Rows of expected (left, {@code -}) against actual (right, {@code +}): a run of removed lines
     * is paired with the run of added lines that follows it; other lines stand on both sides.
     */
    static List<Row> sideBySide(List<String> evidence) {
        List<Row> rows = new ArrayList<>();
        int i = 0;
        while (i < evidence.size()) {
            String line = evidence.get(i);
            if (!line.startsWith("-") && !line.startsWith("+")) {
                rows.add(new Row(line, line, false));
                i++;
                continue;
            }
            List<String> removed = new ArrayList<>();
            while (i < evidence.size() && evidence.get(i).startsWith("-")) {
                removed.add(evidence.get(i++).substring(1));
            }
            List<String> added = new ArrayList<>();
            while (i < evidence.size() && evidence.get(i).startsWith("+")) {
                added.add(evidence.get(i++).substring(1));
            }
            for (int k = 0; k < Math.max(removed.size(), added.size()); k++) {
                rows.add(new Row(k < removed.size() ? removed.get(k) : null, k < added.size() ? added.get(k) : null, true));
            }
        }
        return rows;
    }
}
