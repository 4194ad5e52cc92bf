package dev.schemagate.mutation;

import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.migration.Location;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which of a mutant's findings are new: the same rule made worse is, another run's timings are not. */
class MutationFreshFindingsTest {

    private static final Location DOWN = new Location(Path.of("2_index.down.sql"), 1, 1);

    @Test
    void aFindingTheMutantMadeWorseIsFresh() {
        Finding before = notRestored("1 difference", List.of("+ index items_b"));
        Finding worse = notRestored("2 differences", List.of("+ index items_a", "+ index items_b"));
        assertThat(MutationRun.fresh(List.of(before), List.of(worse))).containsExactly(worse);
    }

    @Test
    void theSameFindingWithOtherTimingsAndScratchNamesIsNotFresh() {
        Finding before = new Finding("lint.rewrite", Severity.WARNING, DOWN, "rewrites items in schemagate_1764694800_ab12cd_3",
                "", List.of("observed: took 12 ms on items with 1,000 rows", "held for 1.5 s"));
        Finding again = new Finding("lint.rewrite", Severity.WARNING, DOWN, "rewrites items in schemagate_1764694999_zz99yy_17",
                "", List.of("observed: took 340 ms on items with 1,000 rows", "held for 12 s"));
        assertThat(MutationRun.fresh(List.of(before), List.of(again))).isEmpty();
    }

    @Test
    void aFindingAtAnotherPlaceOrSeverityIsFresh() {
        Finding before = notRestored("1 difference", List.of("+ index items_b"));
        Finding elsewhere = new Finding(before.ruleId(), before.severity(), new Location(DOWN.file(), 7, 1), before.message(), "",
                before.evidence());
        Finding milder = new Finding(before.ruleId(), Severity.WARNING, DOWN, before.message(), "", before.evidence());
        assertThat(MutationRun.fresh(List.of(before), List.of(elsewhere, milder))).containsExactly(elsewhere, milder);
    }

    @Test
    void eachBaselineFindingExcusesOneOccurrenceAndInfoNeverCounts() {
        Finding once = notRestored("1 difference", List.of("+ index items_b"));
        Finding info = new Finding("reversibility.missing-down", Severity.INFO, DOWN, "nothing to undo", "", List.of());
        assertThat(MutationRun.fresh(List.of(once), List.of(once, once, info))).containsExactly(once);
    }

    private static Finding notRestored(String count, List<String> evidence) {
        return new Finding("reversibility.schema-not-restored", Severity.ERROR, DOWN,
                "down script does not restore the schema: " + count + " after up and down", "Make the down script undo it.", evidence);
    }
}
