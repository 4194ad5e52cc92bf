package dev.schemagate.junit5;

import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.migration.Layout;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

class MigrationLifecycleTest {

    private static final List<String> SEEN = new ArrayList<>();

    @Test
    void eachTestsDatabaseIsDroppedWhenTheTestEnds() throws Exception {
        SEEN.clear();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(TwoTests.class)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(2));

        assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
        TestDatabases.settle();
        try (ScratchDatabase probe = TestDatabases.server("17").createDatabase(); Connection connection = probe.connect()) {
            for (String name : SEEN) {
                assertThat(MigrationExtensionTest.scalar(connection,
                        "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")).as(name).isEqualTo("0");
            }
        }
    }

    @Test
    void aFailingMigrationFailsTheTestWithFileLineAndMessage() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BrokenLocation.class)).execute().testEvents();

        events.assertThatEvents().haveExactly(1, event(test("latest"), finishedWithFailure(instanceOf(MigrationFailure.class),
                message(m -> m.contains("3 add_weight: the up script failed at ") && m.contains("3_add_weight.up.sql:2")
                        && m.contains("integr")))));
    }

    @Test
    void aMissingLocationSaysWhereItLooked() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(MissingLocation.class)).execute().testEvents();

        events.assertThatEvents().haveExactly(1, event(test("any"),
                finishedWithFailure(message(m -> m.contains("locations = \"db/nowhere\"") && m.contains("src/main/resources/db/nowhere")))));
    }

    @Test
    void aTestsDatabaseIsAClonedTemplateNotAReplayOfTheMigrations() throws InterruptedException {
        Path folder = Path.of("src/test/resources/db/migration");
        TestDatabases.release(TestDatabases.database("17", folder, Layout.AUTO, 3));
        int clones = 5;
        long waited = 0;
        for (int i = 0; i < clones; i++) {
            long start = System.nanoTime();
            ScratchDatabase database = TestDatabases.database("17", folder, Layout.AUTO, 3);
            waited += System.nanoTime() - start;
            Thread.sleep(50);
            TestDatabases.release(database);
        }
        double millis = waited / 1e6 / clones;
        System.out.printf("wait for a test database, tests of 50 ms: %.1f ms each%n", millis);
        // generous for a loaded machine; a server per test (initdb and start) takes several seconds
        assertThat(millis).isLessThan(3000);
    }

    @MigrationTest(locations = "db/migration")
    static class TwoTests {

        @Test
        void first(MigrationDatabase db) {
            SEEN.add(db.getDatabaseName());
        }

        @Test
        void second(MigrationDatabase db) {
            SEEN.add(db.getDatabaseName());
        }
    }

    @MigrationTest(locations = "broken")
    static class BrokenLocation {

        @Test
        void latest(MigrationDatabase db) {
            assertThat(db.version()).isEqualTo("4");
        }
    }

    @MigrationTest(locations = "db/nowhere")
    static class MissingLocation {

        @Test
        void any(MigrationDatabase db) {
            assertThat(db).isNotNull();
        }
    }
}
