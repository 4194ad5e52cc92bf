package dev.schemagate.diff;

import dev.schemagate.model.Column;
import dev.schemagate.model.Privileges;
import dev.schemagate.model.Table;
import dev.schemagate.model.dialect.PostgresColumn;
import dev.schemagate.model.dialect.PostgresTable;
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

    private static Table table(PostgresTable own, PostgresColumn column) {
        return new Table("public", "t", List.of(new Column("id", "integer", null, true, null, null, null, null,
                Privileges.NONE, column, null)), null, null, null, null, null, null, own, null, null);
    }
}
