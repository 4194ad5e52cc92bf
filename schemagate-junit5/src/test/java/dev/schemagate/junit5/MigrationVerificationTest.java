package dev.schemagate.junit5;

import dev.schemagate.engine.CheckName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.assertj.core.api.Condition;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.util.EnumSet;
import java.util.stream.Stream;

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
