package dev.schemagate.profile;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A regression is slower than the threshold, the noise and the floor all at once; and a baseline
 * finds it for the whole migration and for the statement whose text it knows.
 */
class RegressionTest {

    private final RegressionRule rule = new RegressionRule(0.20, 5);

    @Test
    void muchSlowerBeyondNoiseAndFloorIsARegression() {
        assertThat(rule.regressed(Timing.of(List.of(20.0, 21.0, 22.0)), Timing.of(List.of(40.0, 41.0, 43.0)))).isTrue();
    }

    @Test
    void aNoisyRepeatWhoseMedianMovedLessThanItsSpreadIsNot() {
        Timing before = Timing.of(List.of(12.0, 20.0, 35.0));
        Timing now = Timing.of(List.of(14.0, 27.0, 38.0));

        assertThat(now.median()).isGreaterThan(before.median() * 1.2);
        assertThat(rule.regressed(before, now)).isFalse();
    }

    @Test
    void twoMillisecondsBecomingThreeIsBelowTheFloor() {
        assertThat(rule.regressed(Timing.of(List.of(2.0, 2.0, 2.0)), Timing.of(List.of(3.0, 3.0, 3.0)))).isFalse();
    }

    @Test
    void slowerByLessThanTheThresholdIsNot() {
        assertThat(rule.regressed(Timing.of(List.of(100.0, 100.0, 100.0)), Timing.of(List.of(115.0, 115.0, 115.0)))).isFalse();
    }

    @Test
    void theBaselineComparesMigrationsByFileAndStatementsByText() {
        ProfileResult then = result(Map.of(1000, Timing.of(List.of(10.0, 10.5, 11.0))), "UPDATE t SET x = 1");
        ProfileResult now = result(Map.of(1000, Timing.of(List.of(60.0, 61.0, 62.0))), "UPDATE t SET x = 1");
        ProfileResult edited = result(Map.of(1000, Timing.of(List.of(60.0, 61.0, 62.0))), "UPDATE t SET x = 2");

        List<Regression> found = Baseline.of(then).compare(now, rule);
        List<Regression> afterEdit = Baseline.of(then).compare(edited, rule);

        assertThat(found).extracting(Regression::line).containsExactly(0, 3);
        assertThat(found.get(1).percent()).isGreaterThan(400);
        assertThat(afterEdit).extracting(Regression::line).containsExactly(0);
    }

    private static ProfileResult result(Map<Integer, Timing> time, String sql) {
        CostFit fit = CostFit.of(List.of(1000), List.of(time.get(1000).median()), 0);
        StatementProfile statement = new StatementProfile(3, sql, true, time, time, Map.of(1000, 0L), Map.of(1000, 5L), List.of(), List.of(), List.of(),
                fit, fit);
        MigrationProfile migration = new MigrationProfile("2", "0002_x.sql", time, Map.of(), Map.of(), List.of(statement), fit, null);
        return new ProfileResult("2026-01-01T00:00:00Z", "test", new Machine("os", "arch", 2, 1024, "17", "db"), List.of(1000), 3, null,
                List.of(migration), List.of(), List.of(), null, 1);
    }
}
