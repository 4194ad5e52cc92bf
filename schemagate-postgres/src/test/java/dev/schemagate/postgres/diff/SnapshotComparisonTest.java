package dev.schemagate.postgres.diff;

import dev.schemagate.diff.Difference;
import dev.schemagate.diff.SnapshotComparison;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.postgres.TestServer;
import dev.schemagate.postgres.introspect.PostgresIntrospector;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Field-level differences between real snapshots of two states of one database. */
class SnapshotComparisonTest {

    private static final String BASE = """
            CREATE TYPE status AS ENUM ('new', 'paid');
            CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);
            CREATE TABLE orders (
                id bigint PRIMARY KEY,
                customer_id bigint REFERENCES customers (id) DEFERRABLE,
                status status NOT NULL DEFAULT 'new',
                note text
            );
            CREATE INDEX orders_customer ON orders (customer_id);
            """;

    @Test
    void identicalStatesHaveNoDifference() throws SQLException {
        assertThat(differences(BASE, "")).isEmpty();
    }

    @Test
    void aColumnLeftBehindIsUnexpected() throws SQLException {
        assertThat(differences(BASE, "ALTER TABLE orders ADD COLUMN total int"))
                .containsExactly("+ table public.orders › column total");
    }

    @Test
    void aDroppedIndexIsMissing() throws SQLException {
        assertThat(differences(BASE, "DROP INDEX orders_customer"))
                .containsExactly("- table public.orders › index orders_customer");
    }

    @Test
    void aChangedDefaultAndALostDeferrabilityAreFieldChanges() throws SQLException {
        List<String> found = differences(BASE, """
                ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'paid';
                ALTER TABLE orders ALTER CONSTRAINT orders_customer_id_fkey NOT DEFERRABLE;
                """);

        assertThat(found).containsExactlyInAnyOrder(
                "~ table public.orders › column status › defaultExpression: ''new'::public.status' → ''paid'::public.status'",
                "~ table public.orders › constraint orders_customer_id_fkey › definition: "
                        + "'FOREIGN KEY (customer_id) REFERENCES public.customers(id) DEFERRABLE' → "
                        + "'FOREIGN KEY (customer_id) REFERENCES public.customers(id)'",
                "~ table public.orders › constraint orders_customer_id_fkey › deferrable: true → false");
    }

    @Test
    void aColumnDroppedAndAddedAgainChangesTheColumnOrder() throws SQLException {
        List<String> found = differences(BASE, "ALTER TABLE orders DROP COLUMN status; ALTER TABLE orders ADD COLUMN status status NOT NULL DEFAULT 'new'");

        assertThat(found).containsExactly(
                "~ table public.orders › columns order: [id, customer_id, status, note] → [id, customer_id, note, status]");
    }

    @Test
    void anEnumLabelAddedIsAChangedLabelList() throws SQLException {
        assertThat(differences(BASE, "ALTER TYPE status ADD VALUE 'shipped'"))
                .containsExactly("~ enum type public.status › labels: [new, paid] → [new, paid, shipped]");
    }

    private static List<String> differences(String base, String change) throws SQLException {
        try (ScratchDatabase db = TestServer.shared().createDatabase(); Connection c = db.connect()) {
            execute(c, base);
            Snapshot before = PostgresIntrospector.snapshot(c, SnapshotOptions.full());
            if (!change.isBlank()) {
                execute(c, change);
            }
            Snapshot after = PostgresIntrospector.snapshot(c, SnapshotOptions.full());
            return SnapshotComparison.compare(before, after).stream().map(Difference::describe).toList();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
