package dev.schemagate.model;

import dev.schemagate.model.dialect.PostgresObjects;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotTest {

    @Test
    void jsonRoundTripKeepsEveryField() {
        Snapshot snapshot = SampleSnapshots.everything();

        String json = SnapshotJson.toJson(snapshot);

        assertThat(SnapshotJson.fromJson(json)).isEqualTo(snapshot);
        assertThat(SnapshotJson.toJson(SnapshotJson.fromJson(json))).isEqualTo(json);
    }

    @Test
    void jsonLeavesOutNullsEmptyListsAndDefaultPrivileges() {
        Snapshot snapshot = new Snapshot(List.of(new Schema("public", null, null, null)), null,
                List.of(SampleSnapshots.customers()), null, null, null, null, null);

        String json = SnapshotJson.toJson(snapshot);

        assertThat(json).doesNotContain("null", "[ ]", "{ }", "privileges", "comment", "views", "postgres",
                "replicaIdentity");
        assertThat(SnapshotJson.fromJson(json)).isEqualTo(snapshot);
    }

    @Test
    void theOrderObjectsWereFoundInDoesNotMatter() {
        Snapshot snapshot = SampleSnapshots.everything();
        PostgresObjects own = snapshot.postgres();
        Snapshot shuffled = new Snapshot(reversed(snapshot.schemas()), snapshot.sequences(), reversed(snapshot.tables()),
                snapshot.views(), reversed(snapshot.routines()), reversed(snapshot.dependencies()),
                new PostgresObjects(reversed(own.extensions()), own.collations(), reversed(own.enums()),
                        own.domains(), own.compositeTypes(), own.rangeTypes(), reversed(own.eventTriggers()),
                        reversed(own.casts()), reversed(own.statistics()), reversed(own.publications()),
                        reversed(own.foreignDataWrappers()), reversed(own.foreignServers())), null);

        assertThat(shuffled).isEqualTo(snapshot).hasSameHashCodeAs(snapshot);
        assertThat(shuffled.tables()).extracting(Table::name).containsExactly("customers", "orders");
    }

    @Test
    void linksAreOrderedByDependentThenReferencedEachByKindSchemaNameThenMemberWholeObjectFirst() {
        ObjectRef view = new ObjectRef(ObjectRef.Kind.VIEW, "public", "totals", null);
        ObjectRef table = new ObjectRef(ObjectRef.Kind.TABLE, "public", "orders", null);
        ObjectRef column = new ObjectRef(ObjectRef.Kind.TABLE, "public", "orders", "column total");
        ObjectRef otherSchema = new ObjectRef(ObjectRef.Kind.TABLE, "audit", "orders", null);
        ObjectRef sequence = new ObjectRef(ObjectRef.Kind.SEQUENCE, "public", "zeta", null);
        List<Dependency> ordered = List.of(new Dependency(sequence, table), new Dependency(otherSchema, sequence),
                new Dependency(column, sequence), new Dependency(view, table), new Dependency(view, column));

        Snapshot snapshot = new Snapshot(null, null, null, null, null, reversed(ordered), null, null);

        assertThat(snapshot.dependencies()).containsExactlyElementsOf(ordered);
    }

    @Test
    void columnOrderAndEnumLabelOrderArePartOfTheValue() {
        Table orders = SampleSnapshots.orders();
        Table swapped = new Table(orders.schema(), orders.name(), reversed(orders.columns()), orders.constraints(),
                orders.indexes(), orders.triggers(), orders.owner(), orders.comment(), orders.privileges(),
                orders.postgres(), orders.sqlite(), orders.mysql());
        EnumType status = SampleSnapshots.everything().postgres().enums().get(0);

        assertThat(swapped).isNotEqualTo(orders);
        assertThat(new EnumType(status.schema(), status.name(), reversed(status.labels()), status.owner(),
                status.comment(), status.privileges())).isNotEqualTo(status);
    }

    @Test
    void findsObjectsByName() {
        Snapshot snapshot = SampleSnapshots.everything();

        assertThat(snapshot.table(SampleSnapshots.ORDERS)).hasValueSatisfying(table -> {
            assertThat(table.column("total")).isPresent();
            assertThat(table.column("missing")).isEmpty();
            assertThat(table.constraint("orders_customer_fkey").orElseThrow().referencedTable())
                    .isEqualTo(SampleSnapshots.CUSTOMERS);
            assertThat(table.primaryKey().orElseThrow().name()).isEqualTo("orders_pkey");
            assertThat(table.index("orders_by_total")).isPresent();
            assertThat(table.trigger("audit")).isPresent();
            assertThat(table.postgres().policy("own_rows")).isPresent();
            assertThat(table.parents()).containsExactly(SampleSnapshots.CUSTOMERS);
            assertThat(table.partition()).isTrue();
            assertThat(table.partitioned()).isTrue();
        });
        assertThat(snapshot.table(QualifiedName.of("shop", "nope"))).isEmpty();
        assertThat(snapshot.table(QualifiedName.of("public", "orders"))).isEmpty();
        assertThat(snapshot.schema("shop")).isPresent();
        assertThat(snapshot.postgres().extension("citext")).isPresent();
        assertThat(snapshot.view(QualifiedName.of("shop", "open_orders"))).isPresent();
        assertThat(snapshot.sequence(QualifiedName.of("shop", "invoice_no"))).isPresent();
        assertThat(snapshot.postgres().enumType(QualifiedName.of("shop", "status"))).isPresent();
        assertThat(snapshot.postgres().domain(QualifiedName.of("shop", "price"))).isPresent();
        assertThat(snapshot.postgres().eventTrigger("no_drops")).isPresent();
        assertThat(snapshot.routines(QualifiedName.of("shop", "total"))).extracting(Routine::signature)
                .containsExactly("shop.total()", "shop.total(integer)");
    }

    @Test
    void emptySnapshotHasNothing() {
        Snapshot empty = Snapshot.empty();

        assertThat(empty.tables()).isEmpty();
        assertThat(SnapshotJson.fromJson(SnapshotJson.toJson(empty))).isEqualTo(empty);
        assertThat(SampleSnapshots.customers().privileges().defaults()).isTrue();
    }

    @Test
    void modelDependsOnNoOtherProjectPackageAndNoJdbc() throws IOException {
        Path sources = Path.of("src/main/java/dev/schemagate/model");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readAllLines(file)).as(file.toString())
                        .noneMatch(line -> line.startsWith("import java.sql") || line.startsWith("import javax.sql")
                                || line.startsWith("import dev.schemagate.") && !line.startsWith(
                                "import dev.schemagate.model."));
            }
        }
    }

    private static <T> List<T> reversed(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        Collections.reverse(copy);
        return copy;
    }
}
