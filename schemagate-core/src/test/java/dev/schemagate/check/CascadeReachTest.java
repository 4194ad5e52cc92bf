package dev.schemagate.check;

import dev.schemagate.model.Column;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reach of a delete through ON DELETE CASCADE keys, as a graph over snapshots. */
class CascadeReachTest {

    private static final QualifiedName TENANT = QualifiedName.of("public", "tenant");
    private static final QualifiedName ACCOUNT = QualifiedName.of("public", "account");
    private static final QualifiedName ORDERS = QualifiedName.of("public", "orders");
    private static final QualifiedName LINES = QualifiedName.of("public", "lines");

    @Test
    void aNewCascadeReportsEveryTableADeleteNowReachesWithThePaths() {
        CascadeReach.Seen seen = new CascadeReach.Seen();
        CascadeReach.added(seen, snapshot(
                table(ACCOUNT, key("account_tenant_fk", TENANT, "CASCADE")),
                table(LINES, key("lines_order_fk", ORDERS, "CASCADE")),
                table(TENANT), table(ORDERS)));

        List<CascadeReach.Reach> added = CascadeReach.added(seen, snapshot(
                table(ACCOUNT, key("account_tenant_fk", TENANT, "CASCADE")),
                table(LINES, key("lines_order_fk", ORDERS, "CASCADE")),
                table(ORDERS, key("orders_account_fk", ACCOUNT, "CASCADE")), table(TENANT)));

        assertThat(added).hasSize(1);
        assertThat(added.get(0).edge().constraint()).isEqualTo("orders_account_fk");
        assertThat(added.get(0).reached()).containsExactly(ORDERS, LINES);
        assertThat(added.get(0).paths()).containsExactly("public.account → public.orders → public.lines",
                "public.tenant → public.account → public.orders → public.lines");
    }

    @Test
    void aKeyThatDidNotCascadeAndNowDoesIsNewAndOneDroppedAndAddedAgainIsNot() {
        CascadeReach.Seen seen = new CascadeReach.Seen();
        CascadeReach.added(seen, snapshot(table(ORDERS, key("orders_account_fk", ACCOUNT, "NO ACTION")), table(ACCOUNT)));
        assertThat(CascadeReach.added(seen, snapshot(table(ORDERS, key("orders_account_fk", ACCOUNT, "CASCADE")), table(ACCOUNT))))
                .hasSize(1);
        assertThat(CascadeReach.added(seen, snapshot(table(ORDERS), table(ACCOUNT)))).isEmpty();
        assertThat(CascadeReach.added(seen, snapshot(table(ORDERS, key("orders_account_fk2", ACCOUNT, "CASCADE")), table(ACCOUNT))))
                .isEmpty();
    }

    @Test
    void aTableRenamedKeepsItsCascadesSeen() {
        CascadeReach.Seen seen = new CascadeReach.Seen();
        CascadeReach.added(seen, snapshot(table(ORDERS, key("orders_account_fk", ACCOUNT, "CASCADE")), table(ACCOUNT)));
        QualifiedName purchases = QualifiedName.of("public", "purchases");
        QualifiedName clients = QualifiedName.of("public", "clients");

        assertThat(CascadeReach.added(seen, snapshot(table(purchases, key("orders_account_fk", ACCOUNT, "CASCADE")), table(ACCOUNT))))
                .isEmpty();
        assertThat(CascadeReach.added(seen, snapshot(table(purchases, key("orders_account_fk", clients, "CASCADE")), table(clients))))
                .isEmpty();
    }

    @Test
    void aKeyPointedAtATableBesideTheOldOneIsNew() {
        CascadeReach.Seen seen = new CascadeReach.Seen();
        QualifiedName flow = QualifiedName.of("public", "flow");
        CascadeReach.added(seen, snapshot(table(ORDERS, key("orders_account_fk", ACCOUNT, "CASCADE")), table(ACCOUNT)));

        assertThat(CascadeReach.added(seen, snapshot(table(ORDERS, key("orders_account_fk", flow, "CASCADE")), table(ACCOUNT),
                table(flow)))).extracting(reach -> reach.edge().parent()).containsExactly(flow);
    }

    @Test
    void aCycleOfCascadesEnds() {
        CascadeReach.Seen seen = new CascadeReach.Seen();
        List<CascadeReach.Reach> added = CascadeReach.added(seen, snapshot(
                table(ORDERS, key("orders_lines_fk", LINES, "CASCADE")),
                table(LINES, key("lines_orders_fk", ORDERS, "CASCADE"))));

        assertThat(added).hasSize(2);
        assertThat(added.get(0).reached()).containsExactly(LINES, ORDERS);
    }

    private static Constraint key(String name, QualifiedName parent, String onDelete) {
        return new Constraint(name, Constraint.Type.FOREIGN_KEY, "FOREIGN KEY (x) REFERENCES " + parent, List.of("x"),
                parent, List.of("id"), "NO ACTION", onDelete, "SIMPLE", false, false, true, false, null);
    }

    private static Table table(QualifiedName name, Constraint... constraints) {
        return new Table(name.schema(), name.name(), List.of(Column.of("id", "integer", true), Column.of("x", "integer", false)),
                List.of(constraints), null, null, null, null, null);
    }

    private static Snapshot snapshot(Table... tables) {
        return new Snapshot(null, null, List.of(tables), null, null, null, null, null);
    }
}
