package dev.schemagate.postgres.introspect;

import dev.schemagate.corpus.Corpus;
import dev.schemagate.postgres.TestResources;
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
 * The snapshot round trip over third-party schemas, files in parallel: migra's fixtures and pgquarrel's pairs. Files it
 * cannot take are listed, with the reason, in {@code corpus-exclusions.txt}; nothing is skipped silently.
 */
@Execution(ExecutionMode.CONCURRENT)
class CorpusRoundTripTest {

    private static final Path CORPUS = Corpus.location();
    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger EXCLUDED = new AtomicInteger();

    @BeforeAll
    static void roles() throws Exception {
        Corpus.root();
        RoundTrip.createCorpusRoles();
    }

    @AfterAll
    static void report() {
        System.out.println("corpus round trip: " + PASSED.get() + " passed, " + EXCLUDED.get() + " excluded by manifest");
    }

    @TestFactory
    Stream<DynamicTest> migraFixtures() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> fixtures = Files.list(CORPUS.resolve("migra-fixtures/tests/FIXTURES"))) {
            for (Path fixture : fixtures.sorted().toList()) {
                files.add(fixture.resolve("a.sql"));
                files.add(fixture.resolve("b.sql"));
            }
        }
        return tests(files, "");
    }

    @TestFactory
    Stream<DynamicTest> pgquarrelPairs() throws IOException {
        try (Stream<Path> pairs = Files.list(CORPUS.resolve("pgquarrel-pairs/test"))) {
            List<Path> files = pairs.filter(file -> file.getFileName().toString().matches("(from|to)-.*\\.sql"))
                    .sorted().toList();
            return tests(files, resource("pgquarrel-base.sql"));
        }
    }

    private Stream<DynamicTest> tests(List<Path> files, String setup) throws IOException {
        Map<String, String> exclusions = exclusions();
        return files.stream().map(file -> {
            String name = CORPUS.relativize(file).toString();
            return DynamicTest.dynamicTest(name, () -> {
                String reason = exclusions.get(name);
                if (reason != null) {
                    EXCLUDED.incrementAndGet();
                    Assumptions.abort("excluded: " + reason);
                }
                RoundTrip.check(name, setup + "\n" + Files.readString(file));
                PASSED.incrementAndGet();
            });
        });
    }

    private static String resource(String name) throws IOException {
        return TestResources.text(CorpusRoundTripTest.class, name);
    }

    private static Map<String, String> exclusions() throws IOException {
        return TestResources.exclusions(CorpusRoundTripTest.class, "corpus-exclusions.txt");
    }
}
