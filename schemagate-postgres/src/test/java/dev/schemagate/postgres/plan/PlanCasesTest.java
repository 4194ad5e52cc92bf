package dev.schemagate.postgres.plan;

import dev.schemagate.diff.PlanCase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's own plan fixtures ({@code plan-cases.txt}): one pair per kind of object and kind
 * of change, each checked by the plan oracle in both directions.
 */
@Execution(ExecutionMode.CONCURRENT)
class PlanCasesTest {

    @TestFactory
    Stream<DynamicTest> everyCaseBothWays() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (PlanCase c : PlanCase.read(getClass())) {
            tests.add(DynamicTest.dynamicTest(c.name() + " (forward)", () -> PlanOracle.check(c.name() + " forward", c.from(), c.to())));
            tests.add(DynamicTest.dynamicTest(c.name() + " (back)", () -> PlanOracle.check(c.name() + " back", c.to(), c.from())));
        }
        return tests.stream();
    }
}
