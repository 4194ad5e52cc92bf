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
    void failuresSayWhatWasExpectedAndWhatIsThere(MigrationDatabase db) {
        SchemaAssertions.SchemaAssert schema = assertThat(db.snapshot());

        assertThatThrownBy(() -> schema.table("customers")).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("expected table public.customers").hasMessageContaining("[public.order_notes, public.orders]");
        assertThatThrownBy(() -> schema.table("orders").hasColumn("totl"))
                .hasMessageContaining("expected column totl in public.orders").hasMessageContaining("[id, customer, amount_cents, total]");
        assertThatThrownBy(() -> schema.table("orders").hasColumn("total").ofType("money"))
                .isInstanceOfSatisfying(AssertionFailedError.class, e -> org.assertj.core.api.Assertions.assertThat(e.getActual().getValue()).isEqualTo("numeric(10,2)"));
        assertThatThrownBy(() -> schema.table("orders").hasColumn("total").isNullable())
                .hasMessage("expected public.orders.total to be nullable but it is NOT NULL");
        assertThatThrownBy(() -> schema.table("order_notes").hasPrimaryKey("order_id")).hasMessageContaining("primary key of public.order_notes differs");
        assertThatThrownBy(() -> schema.table("order_notes").hasForeignKey(List.of("note"), "orders"))
                .hasMessageContaining("its foreign keys are [[order_id] -> public.orders]");
    }
}
