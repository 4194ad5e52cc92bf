package dev.schemagate.postgres.plan;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's own plan fixtures ({@code plan-cases.txt}): one pair per kind of object and kind
 * of change, each checked by the plan oracle in both directions.
 */
@Execution(ExecutionMode.CONCURRENT)
class PlanCasesTest {

    /** One case: a name and the two schemas. */
    record Case(String name, String from, String to) {
    }

    @TestFactory
    Stream<DynamicTest> everyCaseBothWays() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.name() + " (forward)", () -> PlanOracle.check(c.name() + " forward", c.from(), c.to())));
            tests.add(DynamicTest.dynamicTest(c.name() + " (back)", () -> PlanOracle.check(c.name() + " back", c.to(), c.from())));
        }
        return tests.stream();
    }

    static List<Case> cases() throws IOException {
        String text;
        try (InputStream in = PlanCasesTest.class.getResourceAsStream("plan-cases.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        for (String block : text.split("(?m)^=== ")) {
            if (block.startsWith("#") || block.isBlank()) {
                continue;
            }
            String name = block.substring(0, block.indexOf('\n')).strip();
            int from = block.indexOf("--- from\n");
            int to = block.indexOf("--- to\n");
            cases.add(new Case(name, block.substring(from + 9, to), block.substring(to + 7)));
        }
        return cases;
    }
}
