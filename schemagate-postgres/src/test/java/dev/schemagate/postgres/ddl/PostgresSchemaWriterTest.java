package dev.schemagate.postgres.ddl;

import dev.schemagate.model.Column;
import dev.schemagate.model.Domain;
import dev.schemagate.model.Enablement;
import dev.schemagate.model.EventTrigger;
import dev.schemagate.model.Privileges;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.ReplicaIdentity;
import dev.schemagate.model.Schema;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import dev.schemagate.model.dialect.PostgresObjects;
import dev.schemagate.model.dialect.PostgresTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresSchemaWriterTest {

    private static Table table(String name, List<QualifiedName> inherits, Column... columns) {
        return new Table("app", name, List.of(columns), null, null, null, null, null, Privileges.NONE,
                new PostgresTable(false, null, null, null, null, inherits, null, null, null, ReplicaIdentity.DEFAULT,
                        false, false), null, null);
    }

    private static Snapshot snapshot(List<Domain> domains, List<Table> tables, List<EventTrigger> eventTriggers) {
        return new Snapshot(List.of(new Schema("app", null, null, null)), null, tables, null, null, null,
                new PostgresObjects(null, null, null, domains, null, null, eventTriggers, null, null, null, null, null), null);
    }

    @Test
    void quotesNamesOnlyWhereSqlNeedsIt() {
        assertThat(Sql.ident("orders")).isEqualTo("orders");
        assertThat(Sql.ident("user")).isEqualTo("\"user\"");
        assertThat(Sql.ident("Audit Log")).isEqualTo("\"Audit Log\"");
        assertThat(Sql.ident("say\"hi")).isEqualTo("\"say\"\"hi\"");
        assertThat(Sql.ident("1st")).isEqualTo("\"1st\"");
        assertThat(Sql.literal("it's")).isEqualTo("'it''s'");
    }

    @Test
    void writesWhatIsUsedBeforeWhatUsesIt() {
        Domain money = new Domain("app", "money", "numeric(10,2)", null, null, false, null, null, null, null);
        Domain price = new Domain("app", "a_price", "app.money", null, null, false, null, null, null, null);
        Table child = table("a_child", List.of(QualifiedName.of("app", "parent")), Column.of("id", "integer", true),
                Column.of("extra", "text", false));
        Table parent = table("parent", List.of(), Column.of("id", "integer", true));

        String sql = PostgresSchemaWriter.render(snapshot(List.of(price, money), List.of(child, parent), List.of()));

        assertThat(sql.indexOf("CREATE DOMAIN app.money")).isLessThan(sql.indexOf("CREATE DOMAIN app.a_price"));
        assertThat(sql.indexOf("CREATE TABLE app.parent")).isLessThan(sql.indexOf("CREATE TABLE app.a_child"));
        assertThat(sql).contains("CREATE TABLE app.a_child (\n    extra text\n) INHERITS (app.parent);");
    }

    @Test
    void dropsThePublicSchemaAnEmptyDatabaseHasWhenTheSnapshotHasNone() {
        String sql = PostgresSchemaWriter.render(snapshot(List.of(), List.of(), List.of()));

        assertThat(sql).contains("DROP SCHEMA IF EXISTS public;\nCREATE SCHEMA app;");
    }

    @Test
    void writesEventTriggersLastSoTheyCannotStopTheRest() {
        EventTrigger guard = new EventTrigger("guard", "ddl_command_start", List.of("DROP TABLE"), "app.guard",
                Enablement.DISABLED, null, "no drops");
        Table table = table("t", List.of(), Column.of("id", "integer", true));

        String sql = PostgresSchemaWriter.render(snapshot(List.of(), List.of(table), List.of(guard)));

        assertThat(sql).endsWith("""
                CREATE EVENT TRIGGER guard ON ddl_command_start
                    WHEN TAG IN ('DROP TABLE')
                    EXECUTE FUNCTION app.guard();
                ALTER EVENT TRIGGER guard DISABLE;
                COMMENT ON EVENT TRIGGER guard IS 'no drops';
                """);
        assertThat(PostgresSchemaWriter.render(snapshot(List.of(), List.of(table), List.of(guard)))).isEqualTo(sql);
    }
}
