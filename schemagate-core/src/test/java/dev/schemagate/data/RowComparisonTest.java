package dev.schemagate.data;

import dev.schemagate.model.QualifiedName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class RowComparisonTest {

    private static final QualifiedName ITEMS = QualifiedName.of("public", "items");

    @Test
    void theSameRowsInAnotherOrderAreTheSame() {
        TableRows before = rows(List.of("id", "name"), row("1", "a"), row("2", "b"));
        TableRows after = rows(List.of("id", "name"), row("2", "b"), row("1", "a"));

        RowDifference difference = RowComparison.compare(before, after);

        assertThat(difference.same()).isTrue();
        assertThat(difference.sampleMissing()).isNull();
        assertThat(difference.countsOnly()).isFalse();
    }

    @Test
    void aChangedRowIsMissingOnceAndUnexpectedOnceWithBothSamples() {
        TableRows before = rows(List.of("id", "name"), row("1", "a"), row("2", "b"));
        TableRows after = rows(List.of("id", "name"), row("1", "a"), row("2", "B"));

        RowDifference difference = RowComparison.compare(before, after);

        assertThat(difference.missing()).isEqualTo(1);
        assertThat(difference.unexpected()).isEqualTo(1);
        assertThat(difference.sampleMissing()).containsExactly(entry("id", "2"), entry("name", "b"));
        assertThat(difference.sampleUnexpected()).containsExactly(entry("id", "2"), entry("name", "B"));
    }

    @Test
    void duplicateRowsCountAsAMultiset() {
        TableRows before = rows(List.of("v"), row("x"), row("x"), row("y"));
        TableRows after = rows(List.of("v"), row("x"), row("y"), row("y"));

        RowDifference difference = RowComparison.compare(before, after);

        assertThat(difference.missing()).isEqualTo(1);
        assertThat(difference.unexpected()).isEqualTo(1);
        assertThat(difference.sampleMissing()).containsExactly(entry("v", "x"));
        assertThat(difference.sampleUnexpected()).containsExactly(entry("v", "y"));
    }

    @Test
    void onlyTheColumnsBothCapturesHaveAreCompared() {
        TableRows before = rows(List.of("id", "gone"), row("1", "p"), row("2", "q"));
        TableRows after = rows(List.of("added", "id"), row("z", "1"), row("z", "2"));

        RowDifference difference = RowComparison.compare(before, after);

        assertThat(difference.columns()).containsExactly("id");
        assertThat(difference.same()).isTrue();
    }

    @Test
    void nullIsAValueLikeAnyOtherAndDiffersFromTheTextNull() {
        TableRows before = rows(List.of("v"), row((String) null));
        TableRows after = rows(List.of("v"), row("null"));

        RowDifference difference = RowComparison.compare(before, after);

        assertThat(difference.missing()).isEqualTo(1);
        assertThat(difference.sampleMissing()).containsEntry("v", null);
    }

    @Test
    void lostRowsAreCountedWhenTheTableShrinks() {
        TableRows before = rows(List.of("id"), row("1"), row("2"), row("3"));
        TableRows after = rows(List.of("id"), row("3"));

        RowDifference difference = RowComparison.compare(before, after);

        assertThat(difference.missing()).isEqualTo(2);
        assertThat(difference.unexpected()).isZero();
        assertThat(difference.sampleUnexpected()).isNull();
    }

    @Test
    void aCappedCaptureComparesOnlyTheRowCounts() {
        TableRows before = new TableRows(ITEMS, List.of("id"), List.of(named(List.of("id"), row("1"))), 5);
        TableRows after = new TableRows(ITEMS, List.of("id"), List.of(named(List.of("id"), row("9"))), 4);

        RowDifference difference = RowComparison.compare(before, after);

        assertThat(difference.countsOnly()).isTrue();
        assertThat(difference.missing()).isEqualTo(1);
        assertThat(difference.unexpected()).isZero();
        assertThat(difference.sampleMissing()).isNull();
    }

    @SafeVarargs
    private static TableRows rows(List<String> columns, List<String>... rows) {
        List<Map<String, String>> named = Arrays.stream(rows).map(values -> named(columns, values)).toList();
        return new TableRows(ITEMS, columns, named, named.size());
    }

    private static Map<String, String> named(List<String> columns, List<String> values) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), values.get(i));
        }
        return row;
    }

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }
}
