package dev.schemagate.junit5;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.util.List;

import static dev.schemagate.junit5.SchemaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MigrationTest(locations = "db/migration")
class SchemaAssertionsTest {

    @Test
    void aMigratedSchemaReadsAsItsMigrationsWroteIt(MigrationDatabase db) {
        assertThat(db)
                .table("orders").hasColumnsExactly("id", "customer", "amount_cents", "total").hasPrimaryKey("id")
                .hasColumn("total").ofType("numeric(10,2)").isNotNull().hasNoDefault()
                .hasColumn("customer").ofType("text").isNotNull()
                .and().and()
                .table("public.order_notes").hasForeignKey(List.of("order_id"), "orders").hasIndex("order_notes_order_id_idx")
                .and().doesNotHaveTable("customers").doesNotHaveView("order_totals");
    }

    @Test
    void theMessageItselfHoldsTheActualValueForBuildLogsThatShowOnlyTheMessage(MigrationDatabase db) {
        SchemaAssertions.SchemaAssert schema = assertThat(db.snapshot());

        assertThatThrownBy(() -> schema.table("orders").hasColumn("total").ofType("money"))
                .hasMessage("type of public.orders.total ==> expected: <money> but was: <numeric(10,2)>");
        assertThatThrownBy(() -> schema.table("orders").hasColumn("customer").hasDefault("'anonymous'::text"))
                .hasMessage("default of public.orders.customer ==> expected: <'anonymous'::text> but was: <null>");
        assertThatThrownBy(() -> schema.table("order_notes").hasColumnsExactly("order_id"))
                .hasMessage("columns of public.order_notes ([order_id bigint NOT NULL, note text NOT NULL]) ==> expected: <[order_id]> "
                        + "but was: <[order_id, note]>");
        assertThatThrownBy(() -> schema.table("order_notes").hasColumn("notes"))
                .hasMessageContaining("its columns are [order_id bigint NOT NULL, note text NOT NULL]");
    }

    @Test
    void failuresSayWhatWasExpectedAndWhatIsThere(MigrationDatabase db) {
        SchemaAssertions.SchemaAssert schema = assertThat(db.snapshot());

        assertThatThrownBy(() -> schema.table("customers")).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("expected table public.customers").hasMessageContaining("[public.order_notes, public.orders]");
        assertThatThrownBy(() -> schema.table("orders").hasColumn("totl"))
                .hasMessageContaining("expected column totl in public.orders")
                .hasMessageContaining("[id bigint NOT NULL, customer text NOT NULL, amount_cents integer NOT NULL, total numeric(10,2) NOT NULL]");
        assertThatThrownBy(() -> schema.table("orders").hasColumn("total").ofType("money"))
                .isInstanceOfSatisfying(AssertionFailedError.class, e -> org.assertj.core.api.Assertions.assertThat(e.getActual().getValue()).isEqualTo("numeric(10,2)"));
        assertThatThrownBy(() -> schema.table("orders").hasColumn("total").isNullable())
                .hasMessage("expected public.orders.total to be nullable but it is NOT NULL (total numeric(10,2) NOT NULL)");
        assertThatThrownBy(() -> schema.table("order_notes").hasPrimaryKey("order_id"))
                .hasMessage("primary key of public.order_notes ==> expected: <[order_id]> but was: <[]>");
        assertThatThrownBy(() -> schema.table("orders").doesNotHaveColumn("customer"))
                .hasMessage("expected no column customer in public.orders but it has one: customer text NOT NULL");
        assertThatThrownBy(() -> schema.table("order_notes").hasForeignKey(List.of("note"), "orders"))
                .hasMessageContaining("its foreign keys are [[order_id] -> public.orders]");
    }
}
