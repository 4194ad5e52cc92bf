package dev.schemagate.junit5;

import dev.schemagate.check.Finding;
import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.migration.Version;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.assertj.core.api.Condition;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.EventConditions.uniqueIdSubstring;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

class MigrationVerificationTest {

    @TestFactory
    Stream<DynamicNode> aPassingSetIsOneGreenTestPerMigrationAndCheck() {
        return MigrationVerification.of("db/migration").dynamicTests();
    }

    @Test
    void aBrokenSetFailsTheTestsOfTheMigrationsAndChecksThatBroke() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BrokenSet.class)).execute();
        Events events = results.allEvents();

        events.assertStatistics(stats -> stats.dynamicallyRegistered(12));
        events.assertThatEvents()
                .haveExactly(4, event(container(), uniqueIdSubstring("dynamic-container"), finishedSuccessfully()))
                .haveExactly(1, event(test(), at(1, 1), finishedSuccessfully()))
                .haveExactly(1, event(test(), at(2, 2),
                        finishedWithFailure(message(m -> m.contains("2_add_price") && m.contains("reversibility.schema-not-restored")))))
                .haveExactly(1, event(test(), at(3, 1),
                        finishedWithFailure(message(m -> m.contains("3_add_weight.up.sql:2") && m.contains("integr")))))
                .haveExactly(1, event(test(), at(3, 2),
                        abortedWithReason(message("not checked: the migration did not apply"))))
                .haveExactly(2, event(test(), uniqueIdSubstring("dynamic-container:#4"), abortedWithReason(message("not run: an earlier migration failed"))));
        results.testEvents().assertStatistics(stats -> stats.succeeded(3).failed(2).aborted(3));
    }

    @Test
    void eachTestIsNamedByItsMigrationsVersionDescriptionAndCheckAndFailsUnderThatName() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BrokenSet.class)).execute();

        assertThat(results.containerEvents().started().list()).extracting(e -> e.getTestDescriptor().getDisplayName())
                .contains("1 create_items", "2 add_price", "3 add_weight", "4 create_tags");
        assertThat(results.testEvents().started().list()).extracting(e -> e.getTestDescriptor().getDisplayName())
                .contains("1 create_items: apply", "2 add_price: reversibility", "3 add_weight: apply", "4 create_tags: apply");
        assertThat(results.testEvents().failed().list()).extracting(e -> e.getPayload(TestExecutionResult.class)
                        .orElseThrow().getThrowable().orElseThrow().getMessage().lines().findFirst().orElse(""))
                .containsExactlyInAnyOrder("2 add_price: reversibility", "3 add_weight: apply");
    }

    @Test
    void aClassPathLocationIsReadFromTheSourceFolderTheBuildCopiedItFrom() {
        VerifyResult result = MigrationVerification.of("db/migration")
                .options(options -> options.withChecks(EnumSet.of(CheckName.APPLY))).run();

        assertThat(result.migrations().directory().toAbsolutePath()).isEqualTo(Path.of("src/test/resources/db/migration").toAbsolutePath());
    }

    @Test
    void sinceGatesWhatTheBranchAddsAndGuardsTheHistory(@TempDir Path repo) throws Exception {
        Path dir = Files.createDirectories(repo.resolve("db"));
        git(repo, "init", "-q", "-b", "main");
        Files.writeString(dir.resolve("1_users.up.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);\n");
        git(repo, "add", "-A");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "history");
        git(repo, "checkout", "-q", "-b", "change");
        Files.writeString(dir.resolve("1_users.up.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, name text);\n");
        Files.writeString(dir.resolve("2_orders.up.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
        Files.writeString(dir.resolve("2_orders.down.sql"), "DROP TABLE orders;\n");

        VerifyResult result = MigrationVerification.of("filesystem:" + dir).since("main").run();

        assertThat(result.history()).isEqualTo(1);
        assertThat(result.checked()).isEqualTo(1);
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("history.edited");
    }

    private static void git(Path in, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(out).isZero();
    }

    @TestFactory
    Stream<DynamicNode> theProbesOfAPassingSetAreGreen() {
        return MigrationVerification.of("db/migration").probes();
    }

    @Test
    void probesAreOneTestPerConstraintAndAKeySwitchedOffFailsItsOwn() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ProbedSet.class)).execute();
        Events tests = results.testEvents();

        assertThat(results.containerEvents().started().list()).extracting(e -> e.getTestDescriptor().getDisplayName())
                .contains("public.parent", "public.child");
        tests.assertThatEvents()
                .haveExactly(1, event(test(), displayName("public.parent: CHECK parent_name_check"), finishedSuccessfully()))
                .haveExactly(1, event(test(), displayName("public.child: ON DELETE child_parent_fk"), finishedSuccessfully()))
                .haveExactly(1, event(test(), displayName("public.child: FOREIGN KEY child_parent_fk"),
                        finishedWithFailure(message(m -> m.startsWith("public.child: FOREIGN KEY child_parent_fk")
                                && m.contains("probes.not-enforced") && m.contains("2_switch_off.up.sql")))))
                .haveExactly(1, event(test(), displayName("probes.cascade-reach: 1 create makes a delete on public.parent "
                        + "cascade through child_parent_fk: it now deletes rows of public.child"), finishedSuccessfully()));
        tests.assertStatistics(stats -> stats.failed(1));
    }

    @Test
    void aChangeAfterHistoryIsProbedAfterEachOfItsMigrationsAndTheHistorysCascadesAreNotItsOwn() {
        VerifyResult result = MigrationVerification.of("probes").options(options -> options.withBaseline(Version.parse("1"))
                .withChecks(EnumSet.of(CheckName.APPLY, CheckName.PROBES))).run();

        assertThat(result.history()).isEqualTo(1);
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("probes.not-enforced");
        assertThat(result.findings().get(0).location().toString()).contains("2_switch_off.up.sql");
        assertThat(result.findings().get(0).evidence()).anySatisfy(line -> assertThat(line).startsWith("tried: INSERT INTO \"public\".\"child\""));
        assertThat(result.probes()).isNotEmpty();
    }

    private static Condition<Event> displayName(String name) {
        return new Condition<>(event -> event.getTestDescriptor().getDisplayName().equals(name), name);
    }

    static class ProbedSet {

        @TestFactory
        Stream<DynamicNode> probes() {
            return MigrationVerification.of("probes").probes();
        }
    }

    /** The check-th test of the migration-th container. */
    private static Condition<Event> at(int migration, int check) {
        String path = "[dynamic-container:#" + migration + "]/[dynamic-test:#" + check + "]";
        return new Condition<>(event -> event.getTestDescriptor().getUniqueId().toString().contains(path), path);
    }

    static class BrokenSet {

        @TestFactory
        Stream<DynamicNode> migrations() {
            return MigrationVerification.of("broken")
                    .options(options -> options.withChecks(EnumSet.of(CheckName.REVERSIBILITY))).dynamicTests();
        }
    }
}
