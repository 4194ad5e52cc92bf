package dev.schemagate.profile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The cost model chosen for series whose growth is known, with the noise a loaded machine has. */
class CostFitTest {

    private static final List<Integer> LADDER = List.of(1_000, 4_000, 16_000);

    @Test
    void timeThatDoesNotGrowBeyondItsNoiseIsConstant() {
        CostFit fit = CostFit.of(LADDER, List.of(2.1, 3.0, 2.4), 1.5);

        assertThat(fit.model()).isEqualTo(CostModel.CONSTANT);
        assertThat(fit.predict(100_000_000)).isCloseTo(2.5, within(0.01));
    }

    @Test
    void aFixedCostPlusTimePerRowIsLinearAndExtrapolatesFromItsSlope() {
        CostFit fit = CostFit.of(LADDER, List.of(1.0 + 0.002 * 1_000, 1.0 + 0.002 * 4_000, 1.0 + 0.002 * 16_000), 0.5);

        assertThat(fit.model()).isEqualTo(CostModel.LINEAR);
        assertThat(fit.a()).isCloseTo(1.0, within(0.01));
        assertThat(fit.predict(100_000_000)).isCloseTo(200_001, within(10.0));
        assertThat(fit.r2()).isGreaterThan(0.999);
        assertThat(fit.describe()).contains("linear (t = a + b·n", "R² = 1.000 over 3 sizes");
    }

    @Test
    void aSortOverAWideLadderIsNLogNAndAQuadraticJoinIsWorse() {
        List<Integer> wide = List.of(10, 1_000, 100_000, 10_000_000);
        CostFit sort = CostFit.of(wide, wide.stream().map(n -> 0.01 + 1e-5 * n * Math.log(n)).toList(), 0);
        CostFit join = CostFit.of(LADDER, LADDER.stream().map(n -> 0.5 + 1e-6 * n * n).toList(), 0.1);

        assertThat(sort.model()).isEqualTo(CostModel.N_LOG_N);
        assertThat(join.model()).isEqualTo(CostModel.WORSE);
    }

    @Test
    void aLinearSeriesWithSomeNoiseStaysLinearRatherThanAModelThatFitsTheNoise() {
        CostFit fit = CostFit.of(LADDER, List.of(3.4, 9.1, 35.8), 2.0);

        assertThat(fit.model()).isEqualTo(CostModel.LINEAR);
    }
}
