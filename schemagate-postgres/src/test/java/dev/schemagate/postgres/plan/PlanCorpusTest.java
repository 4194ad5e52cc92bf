package dev.schemagate.postgres.plan;

import dev.schemagate.corpus.Corpus;
import dev.schemagate.postgres.TestResources;
import dev.schemagate.postgres.introspect.RoundTrip;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The round-trip oracle over third-party schema pairs, both directions: migra's fixtures (a to b,
 * b to a) and pgquarrel's pairs (from to to, to to from). Pairs it cannot take are listed, with the
 * reason, in {@code plan-exclusions.txt}; nothing is skipped silently. Prints the pass rate.
 */
@Execution(ExecutionMode.CONCURRENT)
class PlanCorpusTest {

    private static final Path CORPUS = Corpus.location();
    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();
    private static final AtomicInteger EXCLUDED = new AtomicInteger();

    @BeforeAll
    static void roles() throws Exception {
        Corpus.root();
        RoundTrip.createCorpusRoles();
    }

    @AfterAll
    static void report() {
        int run = PASSED.get() + FAILED.get();
        System.out.printf("plan round trip: %d of %d directions pass (%.1f%%), %d excluded by manifest%n",
                PASSED.get(), run, run == 0 ? 0.0 : 100.0 * PASSED.get() / run, EXCLUDED.get());
    }

    @TestFactory
    Stream<DynamicTest> migraFixtures() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> fixtures = Files.list(CORPUS.resolve("migra-fixtures/tests/FIXTURES"))) {
            for (Path fixture : fixtures.sorted().toList()) {
                String name = CORPUS.relativize(fixture).toString();
                tests.add(test(name + " a→b", name, fixture.resolve("a.sql"), fixture.resolve("b.sql"), ""));
                tests.add(test(name + " b→a", name, fixture.resolve("b.sql"), fixture.resolve("a.sql"), ""));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> pgquarrelPairs() throws IOException {
        String base = resource("/dev/schemagate/postgres/introspect/pgquarrel-base.sql");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS.resolve("pgquarrel-pairs/test"))) {
            for (Path from : files.filter(f -> f.getFileName().toString().matches("from-.*\\.sql")).sorted().toList()) {
                Path to = from.resolveSibling(from.getFileName().toString().replaceFirst("^from-", "to-"));
                String name = CORPUS.relativize(from.getParent()).resolve(
                        from.getFileName().toString().replaceFirst("^from-", "").replaceFirst("\\.sql$", "")).toString();
                tests.add(test(name + " from→to", name, from, to, base));
                tests.add(test(name + " to→from", name, to, from, base));
            }
        }
        return tests.stream();
    }

    private DynamicTest test(String title, String pair, Path first, Path second, String setup) throws IOException {
        String reason = exclusions().get(pair);
        return DynamicTest.dynamicTest(title, () -> {
            if (reason != null) {
                EXCLUDED.incrementAndGet();
                Assumptions.abort("excluded: " + reason);
            }
            try {
                PlanOracle.check(title, setup + "\n" + Files.readString(first), setup + "\n" + Files.readString(second));
                PASSED.incrementAndGet();
            } catch (Throwable failure) {
                FAILED.incrementAndGet();
                throw failure;
            }
        });
    }

    private static String resource(String name) throws IOException {
        return TestResources.text(PlanCorpusTest.class, name);
    }

    private static Map<String, String> exclusions() throws IOException {
        return TestResources.exclusions(PlanCorpusTest.class, "/dev/schemagate/postgres/plan/plan-exclusions.txt");
    }
}
