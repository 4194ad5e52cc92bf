package dev.schemagate.sqlite.plan;

import dev.schemagate.diff.PlanCase;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.diff.PlanProof;
import dev.schemagate.engine.DiffRun;
import dev.schemagate.migration.Layout;
import dev.schemagate.model.SnapshotOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round-trip oracle on SQLite over the project's own pairs ({@code plan-cases.txt}): each pair
 * planned from one schema to the other and back, and each plan proven as {@code diff} proves it,
 * SOURCE rebuilt and seeded, the plan (and the plan without what can lose data) run on copies, the
 * result equal to TARGET and the rows of every table counted.
 */
class SqlitePlanCasesTest {

    @TempDir
    static Path dir;

    private static DatabaseServer server;

    @BeforeAll
    static void start() {
        server = Dialects.byId("sqlite").start(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseBothWays() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<PlanCase> cases = PlanCase.read(getClass());
        for (int i = 0; i < cases.size(); i++) {
            PlanCase c = cases.get(i);
            String file = "case" + i;
            tests.add(DynamicTest.dynamicTest(c.name() + " (forward)", () -> prove(file + "-forward", c.from(), c.to())));
            tests.add(DynamicTest.dynamicTest(c.name() + " (back)", () -> prove(file + "-back", c.to(), c.from())));
        }
        return tests.stream();
    }

    private static void prove(String name, String from, String to) throws IOException {
        Path source = Files.writeString(dir.resolve(name + "-from.sql"), from);
        Path target = Files.writeString(dir.resolve(name + "-to.sql"), to);
        PlanProof proof = DiffRun.planned(Dialects.byId("sqlite"), server, source.toString(), target.toString(),
                new DiffRun.DiffOptions(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION), Layout.AUTO,
                        SnapshotOptions.full(), true, false, 10)).proof();
        assertThat(proof.problems()).as(name + ":\n" + proof.plan().script()).isEmpty();
        assertThat(proof.warnings()).as(name + ":\n" + proof.plan().script()).isEmpty();
        assertThat(proof.plan().statements()).as("a pair that differs has a plan").isNotEmpty();
    }
}
