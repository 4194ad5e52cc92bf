package dev.schemagate.lint;

import dev.schemagate.check.Finding;
import dev.schemagate.migration.MigrationSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.postgres.TestServer;
import dev.schemagate.postgres.lint.AddIndexNonConcurrently;
import dev.schemagate.postgres.lint.ChangeColumnType;
import dev.schemagate.postgres.lint.MissingLockTimeout;
import dev.schemagate.postgres.lint.VolatileDefault;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the database shows confirms suspicions with evidence, or clears them. */
class ObservedEvidenceTest {

    private static final String ORDERS = "CREATE TABLE orders (id bigint PRIMARY KEY, note varchar(20), total integer);";

    @TempDir
    Path dir;

    @Test
    void anImmutableDefaultIsSuspectedOnTheTextButClearedByTheDatabase() {
        MigrationSet set = LintFixtures.folder(dir, ORDERS, "ALTER TABLE orders ADD COLUMN state text DEFAULT lower('NEW');");
        assertThat(LintFixtures.inLast(LintFixtures.lintStatic(set, LintConfig.defaults()), set, VolatileDefault.RULE)).hasSize(1);
        LintResult observed = LintFixtures.lintObserved(set, LintConfig.defaults(), 1000);
        assertThat(LintFixtures.inLast(observed, set, VolatileDefault.RULE)).isEmpty();
        assertThat(observed.cleared()).extracting(s -> s.rule().id()).contains(VolatileDefault.RULE.id());
    }

    @Test
    void wideningAVarcharIsClearedButWideningAnIntegerRewritesWithEvidence() {
        MigrationSet set = LintFixtures.folder(dir, ORDERS,
                "ALTER TABLE orders ALTER COLUMN note TYPE varchar(50);\nALTER TABLE orders ALTER COLUMN total TYPE bigint;");
        LintResult observed = LintFixtures.lintObserved(set, LintConfig.defaults(), 1000);
        assertThat(LintFixtures.inLast(observed, set, ChangeColumnType.RULE)).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(2);
            assertThat(f.evidence()).anyMatch(e -> e.matches("observed: rewrote orders — 1,000 rows, \\d+ ms — under ACCESS EXCLUSIVE"));
        });
    }

    @Test
    void aTableCreatedInTheSameMigrationIsExemptFromLockingRules() {
        MigrationSet set = LintFixtures.folder(dir, ORDERS,
                "CREATE TABLE lines (id bigint PRIMARY KEY, sku text);\nCREATE INDEX lines_sku ON lines (sku);\nCREATE INDEX orders_note ON orders (note);");
        for (LintResult result : new LintResult[] {LintFixtures.lintStatic(set, LintConfig.defaults()),
                LintFixtures.lintObserved(set, LintConfig.defaults(), 100)}) {
            assertThat(LintFixtures.inLast(result, set, AddIndexNonConcurrently.RULE)).extracting(f -> f.location().line()).containsExactly(3);
        }
    }

    @Test
    void anAccessExclusiveLockNoRuleSuspectedIsReportedFromTheEvidence() {
        MigrationSet set = LintFixtures.folder(dir, ORDERS, "LOCK TABLE orders;");
        assertThat(LintFixtures.inLast(LintFixtures.lintStatic(set, LintConfig.defaults()), set, MissingLockTimeout.RULE)).isEmpty();
        Finding finding = LintFixtures.inLast(LintFixtures.lintObserved(set, LintConfig.defaults(), 100), set, MissingLockTimeout.RULE).get(0);
        assertThat(finding.evidence()).contains("observed: held ACCESS EXCLUSIVE on orders");
    }

    @Test
    void aLockTimeoutInForceClearsTheLockTimeoutRule() {
        MigrationSet set = LintFixtures.folder(dir, ORDERS, "SET lock_timeout = '1s';\nALTER TABLE orders ADD COLUMN x int;");
        assertThat(LintFixtures.inLast(LintFixtures.lintObserved(set, LintConfig.defaults(), 100), set, MissingLockTimeout.RULE)).isEmpty();
    }

    @Test
    void aTableTheSeederCannotFillIsReported() {
        MigrationSet set = LintFixtures.folder(dir,
                "CREATE TABLE codes (code text PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'));", "ALTER TABLE codes ADD COLUMN x int;");
        LintResult result = LintFixtures.lintObserved(set, LintConfig.defaults(), 100);
        assertThat(result.findings()).anyMatch(f -> f.ruleId().equals(Rules.SEED_SKIPPED.id()) && f.message().contains("codes"));
    }

    @Test
    void aNewTableWhoseForeignKeyLocksAnExistingTableAgainstWritesNeedsALockTimeout() {
        String create = "CREATE TABLE invoices (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));";
        MigrationSet bare = LintFixtures.folder(dir, ORDERS, create);
        assertThat(LintFixtures.inLast(LintFixtures.lintObserved(bare, LintConfig.defaults(), 100), bare, MissingLockTimeout.RULE))
                .singleElement().satisfies(f -> assertThat(f.message())
                        .isEqualTo("takes locks that block writes (SHARE ROW EXCLUSIVE on orders) and no lock_timeout is set"));

        MigrationSet guarded = LintFixtures.folder(dir, ORDERS, "SET lock_timeout = '2s';\n" + create);
        assertThat(LintFixtures.inLast(LintFixtures.lintObserved(guarded, LintConfig.defaults(), 100), guarded, MissingLockTimeout.RULE))
                .isEmpty();
        MigrationSet unrelated = LintFixtures.folder(dir, ORDERS, "CREATE TABLE invoices (id bigint PRIMARY KEY, order_id bigint);");
        assertThat(LintFixtures.inLast(LintFixtures.lintObserved(unrelated, LintConfig.defaults(), 100), unrelated, MissingLockTimeout.RULE))
                .isEmpty();
    }

    @Test
    void textCastToTheTypeTheApplicationWroteIsNoFailureOnSeededRows() {
        MigrationSet set = LintFixtures.folder(dir, ORDERS, "ALTER TABLE orders ALTER COLUMN note TYPE integer USING note::integer;");
        LintResult result = LintFixtures.lintObserved(set, LintConfig.defaults(), 100);
        assertThat(result.findings()).noneMatch(f -> f.ruleId().equals(Rules.FAILS_ON_SEEDED_ROWS.id())
                || f.ruleId().equals(Rules.OBSERVATION_STOPPED.id()));
        assertThat(LintFixtures.inLast(result, set, ChangeColumnType.RULE)).singleElement().satisfies(f ->
                assertThat(f.evidence()).anyMatch(e -> e.startsWith("observed: rewrote orders — 100 rows")));
    }

    @Test
    void aMigrationThatFailsOnSeededRowsIsReportedAndTheRunGoesOn() {
        MigrationSet set = LintFixtures.folder(dir, ORDERS,
                "SELECT 1;\nALTER TABLE orders ADD COLUMN code text NOT NULL;",
                "ALTER TABLE orders ALTER COLUMN total TYPE bigint;");
        LintResult result = LintFixtures.lintObserved(set, LintConfig.defaults(), 100);
        Path second = set.migrations().get(1).up().file();
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals(Rules.FAILS_ON_SEEDED_ROWS.id())).singleElement()
                .satisfies(f -> {
                    assertThat(f.location().file()).isEqualTo(second);
                    assertThat(f.location().line()).isEqualTo(2);
                    assertThat(f.message()).contains("column \"code\" of relation \"orders\" contains null values");
                });
        assertThat(result.findings()).noneMatch(f -> f.ruleId().equals(Rules.OBSERVATION_STOPPED.id()));
        assertThat(LintFixtures.inLast(result, set, ChangeColumnType.RULE)).singleElement().satisfies(f ->
                assertThat(f.evidence()).anyMatch(e -> e.startsWith("observed: rewrote orders — 100 rows")));
    }

    @Test
    void aMigrationThatFailsWithoutRowsTooStopsTheRunThere() {
        MigrationSet set = LintFixtures.folder(dir, ORDERS, "GRANT SELECT ON orders TO no_such_role;",
                "ALTER TABLE orders ALTER COLUMN total TYPE bigint;");
        LintResult result = LintFixtures.lintObserved(set, LintConfig.defaults(), 100);
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals(Rules.OBSERVATION_STOPPED.id())).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("no_such_role"));
        assertThat(result.findings()).noneMatch(f -> f.ruleId().equals(Rules.FAILS_ON_SEEDED_ROWS.id()));
        assertThat(LintFixtures.inLast(result, set, ChangeColumnType.RULE)).singleElement()
                .satisfies(f -> assertThat(f.evidence()).noneMatch(e -> e.startsWith("observed:")));
    }

    @Test
    void anEngineScratchDatabaseCanBeLintedThenClonedAndADatabaseWithTablesIsRefused() {
        MigrationSet set = LintFixtures.folder(dir, ORDERS, "ALTER TABLE orders ALTER COLUMN total TYPE bigint;");
        Linter linter = new Linter(Dialects.byId("postgres"), LintConfig.defaults());
        DatabaseServer server = TestServer.shared();
        try (ScratchDatabase database = server.createDatabase()) {
            assertThat(linter.lintObserved(set, database, 10).findings()).anyMatch(f -> f.ruleId().equals(ChangeColumnType.RULE.id()));
            try (ScratchDatabase copy = server.cloneDatabase(database)) {
                assertThatThrownBy(() -> linter.lintObserved(set, copy, 10)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("needs an empty database").hasMessageContaining("orders");
            }
        }
    }
}
