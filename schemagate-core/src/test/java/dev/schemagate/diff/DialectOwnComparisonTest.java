package dev.schemagate.diff;

import dev.schemagate.model.Column;
import dev.schemagate.model.Enablement;
import dev.schemagate.model.Index;
import dev.schemagate.model.IndexKey;
import dev.schemagate.model.Privileges;
import dev.schemagate.model.Table;
import dev.schemagate.model.Trigger;
import dev.schemagate.model.dialect.PostgresColumn;
import dev.schemagate.model.dialect.PostgresIndex;
import dev.schemagate.model.dialect.PostgresTable;
import dev.schemagate.model.dialect.PostgresTrigger;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What one dialect alone says about an object is compared and shown as the object's own fields. */
class DialectOwnComparisonTest {

    @Test
    void aDialectsOwnFieldIsNamedAsTheObjectsOwn() {
        Table logged = table(PostgresTable.PLAIN, PostgresColumn.DEFAULTS);
        Table unlogged = table(new PostgresTable(true, null, null, null, null, null, null, null, null, null, false,
                false), new PostgresColumn(200, null, null, null));

        List<Difference> differences = SnapshotComparison.compare(logged, unlogged);

        assertThat(differences).containsExactly(
                new Difference(Difference.Kind.CHANGED, "column id", "statisticsTarget", null, 200),
                new Difference(Difference.Kind.CHANGED, "", "unlogged", false, true));
    }

    @Test
    void aTableIsShownWithItsDialectsOwnFieldsAmongItsOwn() {
        Table unlogged = table(new PostgresTable(true, null, null, null, null, null, null, null, null, null, false,
                false), PostgresColumn.DEFAULTS);

        assertThat(DiffValues.text(unlogged)).contains("name: t, columns: [").contains("unlogged: true")
                .doesNotContain("postgres");
    }

    @Test
    void anIndexsOwnFieldIsNamedAsTheIndexsOwn() {
        Table plain = withIndex(PostgresIndex.DEFAULTS);
        Table clustered = withIndex(new PostgresIndex(false, null, null, null, false, true));

        assertThat(SnapshotComparison.compare(plain, clustered)).containsExactly(
                new Difference(Difference.Kind.CHANGED, "index t_id", "clustered", false, true));
    }

    @Test
    void aPlanMayLeaveOutADialectsOwnFieldByItsName() {
        Trigger enabled = trigger(Enablement.ORIGIN);
        Trigger disabled = trigger(Enablement.DISABLED);

        assertThat(RecordFields.sameExcept(enabled, disabled, "comment")).isFalse();
        assertThat(RecordFields.sameExcept(enabled, disabled, "comment", "enabled")).isTrue();
    }

    private static Trigger trigger(Enablement enabled) {
        return new Trigger("touch", "BEFORE", List.of("UPDATE"), List.of(), true, null, false,
                "CREATE TRIGGER touch ...", null, new PostgresTrigger("public.touch()", enabled, false));
    }

    private static Table withIndex(PostgresIndex own) {
        Index index = new Index("t_id", false, "btree", List.of(new IndexKey("id", null, null, false, false)), null,
                true, "CREATE INDEX t_id ON public.t USING btree (id)", null, null, own, null);
        return new Table("public", "t", List.of(Column.of("id", "integer", true)), null, List.of(index), null, null,
                null, null);
    }

    private static Table table(PostgresTable own, PostgresColumn column) {
        return new Table("public", "t", List.of(new Column("id", "integer", null, true, null, null, null, null,
                Privileges.NONE, column, null)), null, null, null, null, null, null, own, null, null);
    }
}
