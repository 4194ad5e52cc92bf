package dev.schemagate.postgres.plan;

import dev.schemagate.diff.Hazard;
import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.diff.PlanProof;
import dev.schemagate.diff.PlannedStatement;
import dev.schemagate.engine.PlanValidator;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.View;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.postgres.PostgresDialect;
import dev.schemagate.postgres.introspect.RoundTrip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proving plans: what the validator reports when a plan fails, leaves a difference or loses rows
 * unannounced, the hazards it observes, and the planner's in-place changes it proves.
 */
@Execution(ExecutionMode.CONCURRENT)
class PlanProofTest {

    private static final String MOODS = "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\n";
    private static final String PEOPLE = "CREATE TABLE people (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
            + "name text NOT NULL, feeling mood NOT NULL DEFAULT 'ok');\n"
            + "CREATE INDEX people_glad ON people (id) WHERE feeling = 'happy';\n"
            + "CREATE VIEW glad AS SELECT id, feeling FROM people WHERE feeling <> 'sad';\n";

    private static PlanProof prove(String from, String to, boolean columnOrder, boolean unsafe) throws SQLException {
        Snapshot source = RoundTrip.snapshotOf(RoundTrip.server(), from);
        Snapshot target = RoundTrip.snapshotOf(RoundTrip.server(), to);
        return prove(source, target, PostgresPlanner.plan(source, target, columnOrder), columnOrder, unsafe);
    }

    private static PlanProof prove(Snapshot source, Snapshot target, MigrationPlan plan, boolean columnOrder,
                                   boolean unsafe) {
        PlanValidator validator = new PlanValidator(new PostgresDialect(), RoundTrip.server(),
                new PlanValidator.PlanSettings(SnapshotOptions.full(), columnOrder, 10, 1));
        return validator.prove(source, target, plan, unsafe);
    }

    private static List<String> sql(PlanProof proof) {
        return proof.plan().statements().stream().map(PlannedStatement::sql).toList();
    }

    @Test
    void anEnumLabelRemovedConvertsTheColumnInPlaceWithoutRebuildingTheTable() throws SQLException {
        String to = "CREATE TYPE mood AS ENUM ('sad', 'happy');\n" + PEOPLE.replace("DEFAULT 'ok'", "DEFAULT 'sad'");

        PlanProof proof = prove(MOODS + PEOPLE, to, false, false);

        assertThat(proof.problems()).isEmpty();
        assertThat(sql(proof)).noneMatch(s -> s.startsWith("DROP TABLE"))
                .contains("ALTER TABLE public.people ALTER COLUMN feeling TYPE public.mood USING feeling::text::public.mood");
        assertThat(proof.heldBack()).isEmpty();
        assertThat(proof.full().rowsLost()).isEmpty();
        PlannedStatement conversion = proof.plan().statements().stream()
                .filter(s -> s.sql().contains("TYPE public.mood USING")).findFirst().orElseThrow();
        assertThat(conversion.change()).isEqualTo("enum type public.mood");
        assertThat(conversion.hazards()).contains(Hazard.REWRITES_TABLE, Hazard.BLOCKS_READS_AND_WRITES);
    }

    @Test
    void rowsHoldingARemovedLabelAreAWarningNotALoss() throws SQLException {
        PlanProof proof = prove(MOODS + "CREATE TABLE p (m mood NOT NULL);",
                "CREATE TYPE mood AS ENUM ('sad'); CREATE TABLE p (m mood NOT NULL);", false, false);

        assertThat(proof.problems()).isEmpty();
        assertThat(proof.warnings()).singleElement().asString().contains("fails on a copy seeded with rows",
                "invalid input value for enum");
    }

    @Test
    void columnOrderAloneChangesNothingUnlessAskedAndThenTheRebuildKeepsTheRows() throws SQLException {
        String from = "CREATE TABLE t (id int PRIMARY KEY, a text, b int);";
        String to = "CREATE TABLE t (id int PRIMARY KEY, b int, a text);";

        PlanProof reported = prove(from, to, false, false);

        assertThat(reported.problems()).isEmpty();
        assertThat(reported.plan().isEmpty()).isTrue();

        PlanProof rebuilt = prove(from, to, true, true);

        assertThat(rebuilt.problems()).isEmpty();
        assertThat(sql(rebuilt)).anyMatch(s -> s.startsWith("INSERT INTO public.t (id, b, a)"));
        assertThat(rebuilt.plan().destructive()).isEmpty();
        assertThat(rebuilt.full().rowsLost()).isEmpty();
    }

    @Test
    void aStatementTheServerRefusesIsReportedWithItsError() throws SQLException {
        Snapshot source = RoundTrip.snapshotOf(RoundTrip.server(), "CREATE TABLE t (id int);");
        Snapshot target = RoundTrip.snapshotOf(RoundTrip.server(), "CREATE TABLE t (id int, n int);");
        MigrationPlan broken = new MigrationPlan(List.of(
                new PlannedStatement("ALTER TABLE public.t ADD COLUMN n int", Set.of(), "table public.t"),
                new PlannedStatement("ALTER TABLE public.t ADD COLUMN n int", Set.of(), "table public.t")));

        PlanProof proof = prove(source, target, broken, false, true);

        assertThat(proof.problems()).singleElement().asString()
                .contains("the plan fails", "ALTER TABLE public.t ADD COLUMN n int", "(table public.t)",
                        "column \"n\" of relation \"t\" already exists");
    }

    @Test
    void aSourceThatCannotBeBuiltIsReportedWithTheStatementThatFails() throws SQLException {
        Snapshot built = RoundTrip.snapshotOf(RoundTrip.server(), "CREATE TABLE t (id int); CREATE VIEW v AS SELECT id FROM t;");
        View view = built.views().get(0);
        View broken = new View(view.schema(), view.name(), false, " SELECT id FROM public.missing;", view.columns(),
                true, view.dependsOn(), view.indexes(), view.triggers(), view.owner(), view.comment(),
                view.privileges(), view.postgres(), view.mysql());
        Snapshot source = new Snapshot(built.schemas(), built.sequences(), built.tables(), List.of(broken),
                built.routines(), built.dependencies(), built.postgres(), null);

        PlanProof proof = prove(source, built, PostgresPlanner.plan(source, built), false, true);

        assertThat(proof.problems()).singleElement().asString()
                .contains("SOURCE could not be rebuilt", "public.missing", "does not exist");
    }

    @Test
    void aDifferenceLeftOverAndRowsLostUnannouncedAreProblems() throws SQLException {
        Snapshot source = RoundTrip.snapshotOf(RoundTrip.server(), "CREATE TABLE t (id int);");
        Snapshot target = RoundTrip.snapshotOf(RoundTrip.server(), "CREATE TABLE t (id int, n int);");
        MigrationPlan lossy = new MigrationPlan(List.of(
                new PlannedStatement("DELETE FROM public.t", Set.of(), "table public.t")));

        PlanProof proof = prove(source, target, lossy, false, true);

        assertThat(proof.problems()).hasSize(2);
        assertThat(proof.problems().get(0)).contains("still differs from TARGET", "column n");
        assertThat(proof.problems().get(1)).contains("lost 10 row(s) of table public.t",
                "no statement serving it says it deletes data");
    }

    @Test
    void aTableThePlanTouchesThatNoDifferenceNamesIsSeededToo() throws SQLException {
        Snapshot source = RoundTrip.snapshotOf(RoundTrip.server(), "CREATE TABLE t (id int); CREATE TABLE u (id int);");
        Snapshot target = RoundTrip.snapshotOf(RoundTrip.server(), "CREATE TABLE t (id int, n int); CREATE TABLE u (id int);");
        MigrationPlan lossy = new MigrationPlan(List.of(
                new PlannedStatement("ALTER TABLE public.t ADD COLUMN n int", Set.of(), "table public.t"),
                new PlannedStatement("DELETE FROM public.u", Set.of(), "table public.u")));

        PlanProof proof = prove(source, target, lossy, false, true);

        assertThat(proof.full().rowsLost()).containsOnlyKeys("table public.u").containsEntry("table public.u", 10L);
    }

    @Test
    void onALargeSchemaWhatThePlanChangesCountsWhereverItIsMade() throws SQLException {
        StringBuilder tables = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            tables.append("CREATE TABLE t").append(i).append(" (id int PRIMARY KEY);\n");
        }
        Snapshot source = RoundTrip.snapshotOf(RoundTrip.server(), tables.toString());
        Snapshot target = RoundTrip.snapshotOf(RoundTrip.server(), tables + "ALTER TABLE t7 ADD COLUMN n int;");
        MigrationPlan sideEffect = new MigrationPlan(List.of(
                new PlannedStatement("ALTER TABLE public.t7 ADD COLUMN n int", Set.of(), "table public.t7"),
                new PlannedStatement("DO $$ BEGIN EXECUTE 'ALTER TABLE public.t250 ADD COLUMN sneaky int'; END $$",
                        Set.of(), "table public.t7")));

        assertThat(prove(source, target, PostgresPlanner.plan(source, target, false), false, false).problems()).isEmpty();
        assertThat(prove(source, target, sideEffect, false, false).problems()).singleElement().asString()
                .contains("still differs from TARGET", "public.t250", "sneaky").doesNotContain("public.t7");
    }

    @Test
    void theHazardsShownAreThoseObserved() throws SQLException {
        PlanProof proof = prove("CREATE TABLE t (id int, n int);", "CREATE TABLE t (id int, n bigint, note text);",
                false, true);

        assertThat(proof.problems()).isEmpty();
        PlannedStatement retype = proof.plan().statements().stream().filter(s -> s.sql().contains("TYPE bigint"))
                .findFirst().orElseThrow();
        PlannedStatement add = proof.plan().statements().stream().filter(s -> s.sql().contains("ADD COLUMN note"))
                .findFirst().orElseThrow();
        assertThat(retype.hazards()).contains(Hazard.REWRITES_TABLE, Hazard.BLOCKS_READS_AND_WRITES);
        assertThat(add.hazards()).containsExactly(Hazard.BLOCKS_READS_AND_WRITES);
    }

    @Test
    void theHeldBackPlanRunsOnItsOwnAndSaysWhatItLeavesOut() throws SQLException {
        PlanProof proof = prove("CREATE TABLE t (id int, old text); CREATE TABLE gone (x int);",
                "CREATE TABLE t (id int, fresh text); CREATE INDEX t_id ON t (id);", false, false);

        assertThat(proof.problems()).isEmpty();
        assertThat(proof.heldBack()).extracting(PlannedStatement::sql)
                .containsExactlyInAnyOrder("ALTER TABLE public.t DROP COLUMN old", "DROP TABLE public.gone");
        assertThat(proof.safe().failure()).isNull();
        assertThat(proof.leftOut().objects()).extracting(o -> o.object())
                .containsExactlyInAnyOrder("table public.t", "table public.gone");
    }

    @Test
    void aViewGainingATrailingColumnIsReplacedInPlaceAndTheViewsOverItAreLeftAlone() throws SQLException {
        String table = "CREATE TABLE t (a int, b int);\n";
        String over = "CREATE VIEW w AS SELECT a FROM v;\n";

        PlanProof proof = prove(table + "CREATE VIEW v AS SELECT a FROM t;\n" + over,
                table + "CREATE VIEW v AS SELECT a, b FROM t;\n" + over, false, false);

        assertThat(proof.problems()).isEmpty();
        assertThat(sql(proof)).filteredOn(s -> !s.startsWith("SET ") && !s.startsWith("SELECT pg_catalog.set_config"))
                .singleElement().asString().startsWith("CREATE OR REPLACE VIEW public.v AS");
    }

    @Test
    void whatAnObjectNeedsIsCreatedBeforeItWhateverItsKind() throws SQLException {
        PlanProof proof = prove("", "CREATE TABLE limits (v int);\n"
                + "CREATE FUNCTION below_limit(x int) RETURNS boolean LANGUAGE sql STABLE\n"
                + "BEGIN ATOMIC SELECT x < coalesce((SELECT max(v) FROM public.limits), 100); END;\n"
                + "CREATE DOMAIN small AS int CONSTRAINT small_check CHECK (public.below_limit(VALUE));\n", false, false);

        assertThat(proof.problems()).isEmpty();
        List<String> sql = sql(proof);
        int table = index(sql, "CREATE TABLE public.limits");
        int function = index(sql, "CREATE OR REPLACE FUNCTION public.below_limit");
        int check = index(sql, "ALTER DOMAIN public.small ADD CONSTRAINT small_check");
        assertThat(table).isLessThan(function);
        assertThat(function).isLessThan(check);
    }

    @Test
    void aPartCallingAFunctionOverItsTablesRowTypeIsDroppedBeforeTheFunction() throws SQLException {
        String table = "CREATE TABLE t (id int PRIMARY KEY, owner text); ALTER TABLE t ENABLE ROW LEVEL SECURITY;\n";

        PlanProof proof = prove(table
                        + "CREATE FUNCTION mine(r t) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT r.owner = current_user $$;\n"
                        + "CREATE POLICY own ON t USING (public.mine(t));",
                table + "CREATE FUNCTION mine(r t, who text) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT r.owner = who $$;\n"
                        + "CREATE POLICY own ON t USING (public.mine(t, current_user));", false, false);

        assertThat(proof.problems()).isEmpty();
        List<String> sql = sql(proof);
        assertThat(index(sql, "DROP POLICY own ON public.t")).isLessThan(index(sql, "DROP FUNCTION public.mine(r public.t)"));
    }

    @Test
    void aTypeChangeNoCastMakesGoesThroughTextAndIsHeldBackWithTheServersReason() throws SQLException {
        PlanProof proof = prove("CREATE TABLE c (pk integer PRIMARY KEY);", "CREATE TABLE c (pk uuid PRIMARY KEY);",
                false, false);

        assertThat(proof.problems()).isEmpty();
        assertThat(proof.heldBack()).singleElement().satisfies(statement -> {
            assertThat(statement.sql()).isEqualTo("ALTER TABLE public.c ALTER COLUMN pk TYPE uuid USING pk::text::uuid");
            assertThat(statement.destructive()).isTrue();
        });
        assertThat(proof.warnings()).singleElement().asString()
                .contains("fails on a copy seeded with rows", "invalid input syntax for type uuid");
        assertThat(proof.leftOut().objects()).extracting(o -> o.object()).containsExactly("table public.c");
    }

    private static int index(List<String> sql, String prefix) {
        for (int i = 0; i < sql.size(); i++) {
            if (sql.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no statement starts with " + prefix + " in " + sql);
    }

    private static final String NARROW = "CREATE TABLE w (id int PRIMARY KEY, s smallint, n numeric(10,2), v varchar(10), "
            + "t varchar(10), ts timestamp(0));\n";
    private static final String WIDE = "CREATE TABLE w (id bigint PRIMARY KEY, s integer, n numeric(12,2), v varchar(20), "
            + "t text, ts timestamp(3));\n";

    private static Set<Hazard> hazardsOf(PlanProof proof, String column) {
        return proof.plan().statements().stream().filter(s -> s.sql().contains("ALTER COLUMN " + column + " TYPE"))
                .findFirst().orElseThrow().hazards();
    }

    @Test
    void wideningTypesKeepEveryRowAndRewriteOnlyWherePostgresqlMust() throws SQLException {
        PlanProof proof = prove(NARROW, WIDE, false, false);

        assertThat(proof.problems()).isEmpty();
        assertThat(proof.plan().destructive()).isEmpty();
        assertThat(proof.heldBack()).isEmpty();
        assertThat(proof.full().rowsLost()).isEmpty();
        assertThat(hazardsOf(proof, "id")).contains(Hazard.REWRITES_TABLE).doesNotContain(Hazard.DELETES_DATA);
        assertThat(hazardsOf(proof, "s")).contains(Hazard.REWRITES_TABLE).doesNotContain(Hazard.DELETES_DATA);
        for (String catalogOnly : List.of("n", "v", "t", "ts")) {
            assertThat(hazardsOf(proof, catalogOnly)).as(catalogOnly)
                    .doesNotContain(Hazard.REWRITES_TABLE, Hazard.DELETES_DATA);
        }
    }

    @Test
    void narrowingTypesBackAreHeldBackAsDeletingData() throws SQLException {
        PlanProof proof = prove(WIDE, NARROW, false, false);

        assertThat(proof.problems()).isEmpty();
        assertThat(proof.heldBack()).extracting(PlannedStatement::sql).hasSize(6)
                .allMatch(sql -> sql.contains(" TYPE "));
        assertThat(proof.heldBack()).allMatch(PlannedStatement::destructive);
    }
}
