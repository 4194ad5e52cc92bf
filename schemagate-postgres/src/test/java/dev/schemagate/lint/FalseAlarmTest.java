package dev.schemagate.lint;

import dev.schemagate.migration.MigrationSet;
import dev.schemagate.postgres.lint.AddIndexNonConcurrently;
import dev.schemagate.postgres.lint.ColumnUsedByView;
import dev.schemagate.postgres.lint.LossyTypeChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each class of false alarm seen on real histories, in both directions: the safe variant is
 * silent on the database, the hazardous one still fires.
 */
class FalseAlarmTest {

    private static final String GIVEN = """
            CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, code char(5), amount numeric(10,2), note text);
            CREATE TABLE customers (id bigint PRIMARY KEY, note text);
            CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(amount) AS total FROM orders GROUP BY customer_id;
            """;

    @TempDir
    Path dir;

    @Test
    void aMaterializedViewDroppedAndCreatedAgainIsNewSoIndexingItIsNoHazard() {
        MigrationSet set = LintFixtures.folder(dir, GIVEN, """
                DROP MATERIALIZED VIEW order_totals;
                CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, count(*) AS total FROM orders GROUP BY customer_id;
                CREATE INDEX order_totals_customer ON order_totals (customer_id);
                """);
        assertThat(LintFixtures.inLast(observed(set), set, AddIndexNonConcurrently.RULE)).isEmpty();
        assertThat(LintFixtures.inLast(LintFixtures.lintStatic(set, LintConfig.defaults()), set, AddIndexNonConcurrently.RULE)).isEmpty();
    }

    @Test
    void aTableDroppedAndCreatedAgainIsNewOnTheDatabase() {
        MigrationSet set = LintFixtures.folder(dir, GIVEN, """
                DROP TABLE customers;
                CREATE TABLE customers (id bigint PRIMARY KEY, email text);
                CREATE INDEX customers_email ON customers (email);
                """);
        assertThat(LintFixtures.inLast(observed(set), set, AddIndexNonConcurrently.RULE)).isEmpty();
    }

    @Test
    void indexingAMaterializedViewThatWasThereBeforeStillFires() {
        MigrationSet set = LintFixtures.folder(dir, GIVEN, "CREATE INDEX order_totals_customer ON order_totals (customer_id);");
        assertThat(LintFixtures.inLast(observed(set), set, AddIndexNonConcurrently.RULE)).hasSize(1);
    }

    @Test
    void wideningsByTheTypeRulesAreNotLossy() {
        MigrationSet set = LintFixtures.folder(dir, GIVEN, """
                ALTER TABLE orders ALTER COLUMN code TYPE varchar(5);
                ALTER TABLE orders ALTER COLUMN amount TYPE numeric(12,2);
                """);
        assertThat(LintFixtures.inLast(observed(set), set, LossyTypeChange.RULE)).isEmpty();
        assertThat(LintFixtures.inLast(LintFixtures.lintStatic(set, LintConfig.defaults()), set, LossyTypeChange.RULE)).isEmpty();
    }

    @Test
    void fewerDigitsBeforeOrAfterThePointAreLossy() {
        MigrationSet set = LintFixtures.folder(dir, GIVEN, """
                ALTER TABLE orders ALTER COLUMN amount TYPE numeric(10,1);
                ALTER TABLE orders ALTER COLUMN code TYPE varchar(3);
                """);
        assertThat(LintFixtures.inLast(observed(set), set, LossyTypeChange.RULE)).extracting(f -> f.location().line())
                .containsExactly(1, 2);
    }

    @Test
    void aViewReadingASameNamedColumnOfAnotherTableDoesNotHoldTheColumn() {
        MigrationSet set = LintFixtures.folder(dir, GIVEN + "CREATE VIEW customer_notes AS SELECT c.id, c.note FROM customers c JOIN orders o ON o.customer_id = c.id;",
                "-- schemagate:ignore lint.drop-column the fixture checks the view rule only\nALTER TABLE orders DROP COLUMN note;");
        assertThat(LintFixtures.inLast(observed(set), set, ColumnUsedByView.RULE)).isEmpty();
    }

    @Test
    void aViewReadingTheColumnItselfIsNamedFromTheDatabase() {
        MigrationSet set = LintFixtures.folder(dir, GIVEN + "CREATE VIEW order_notes AS SELECT o.id, o.note FROM customers c JOIN orders o ON o.customer_id = c.id;",
                "-- schemagate:ignore lint.drop-column the fixture checks the view rule only\nALTER TABLE orders RENAME COLUMN note TO remark;");
        assertThat(LintFixtures.inLast(observed(set), set, ColumnUsedByView.RULE)).singleElement()
                .satisfies(f -> assertThat(f.message()).endsWith("which view order_notes still reads"));
    }

    private static LintResult observed(MigrationSet set) {
        return LintFixtures.lintObserved(set, LintConfig.defaults(), 50);
    }
}
