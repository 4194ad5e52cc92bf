package dev.schemagate.mysql;

import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.model.Column;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.dialect.MysqlColumn;
import dev.schemagate.model.dialect.MysqlTable;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotJson;
import dev.schemagate.model.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** What information_schema says of a MySQL schema lands in the model's own fields, and survives JSON. */
class MysqlSnapshotTest {

    private static final EmbeddedMariaDb server = MysqlTestServer.shared();
    private static Snapshot snapshot;

    @BeforeAll
    static void read() throws SQLException {
        try (ScratchDatabase database = server.createDatabase(); Connection connection = database.connect();
             Statement sql = connection.createStatement()) {
            sql.execute("""
                    CREATE TABLE item (
                      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
                      sku CHAR(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
                      title VARCHAR(200) NOT NULL DEFAULT 'untitled' COMMENT 'shown to people',
                      body TEXT,
                      state ENUM('new','sold') NOT NULL DEFAULT 'new',
                      price DECIMAL(10,2) NOT NULL CHECK (price >= 0),
                      total DECIMAL(12,2) AS (price * 1.2) VIRTUAL,
                      slug VARCHAR(210) AS (LOWER(title)) STORED,
                      secret INT INVISIBLE,
                      changed DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
                      PRIMARY KEY (id),
                      UNIQUE KEY item_sku (sku),
                      KEY item_title (title(20) DESC),
                      FULLTEXT KEY item_text (title, body),
                      CONSTRAINT item_title_set CHECK (title <> '')
                    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC COMMENT='stock'
                    """);
            sql.execute("CREATE TABLE line (id INT PRIMARY KEY, item_id BIGINT UNSIGNED,"
                    + " CONSTRAINT line_item FOREIGN KEY (item_id) REFERENCES item (id) ON DELETE CASCADE) ENGINE=MyISAM");
            sql.execute("CREATE TABLE log (id INT NOT NULL, at DATE NOT NULL, PRIMARY KEY (id, at))"
                    + " PARTITION BY RANGE (YEAR(at)) (PARTITION p2023 VALUES LESS THAN (2024), PARTITION pmax VALUES LESS THAN MAXVALUE)");
            sql.execute("CREATE VIEW cheap AS SELECT id, title FROM item WHERE price < 10 WITH CHECK OPTION");
            sql.execute("CREATE TRIGGER item_touch BEFORE UPDATE ON item FOR EACH ROW SET NEW.title = TRIM(NEW.title)");
            sql.execute("CREATE FUNCTION tax(p DECIMAL(10,2)) RETURNS DECIMAL(10,2) DETERMINISTIC RETURN p * 0.2");
            snapshot = MysqlIntrospector.snapshot(connection);
        }
    }

    private static Table table(String name) {
        return snapshot.table(new QualifiedName(MysqlIntrospector.SCHEMA, name)).orElseThrow();
    }

    private static Column column(String name) {
        return table("item").column(name).orElseThrow();
    }

    @Test
    void tablesCarryEngineCollationRowFormatAndPartitions() {
        assertThat(table("item").mysql()).isEqualTo(new MysqlTable("InnoDB", "utf8mb4_bin", "DYNAMIC", null));
        assertThat(table("item").comment()).isEqualTo("stock");
        assertThat(table("line").mysql().engine()).isEqualTo("MyISAM");
        assertThat(table("log").mysql().partitioning()).startsWith("RANGE (").contains("p2023 2024", "pmax MAXVALUE");
    }

    @Test
    void columnsCarryUnsignedEnumDefaultsOnUpdateAutoIncrementGeneratedAndInvisible() {
        assertThat(column("id").type()).isEqualTo("bigint(20) unsigned");
        assertThat(column("id").mysql().autoIncrement()).isTrue();
        assertThat(column("sku").collation()).isEqualTo("ascii_bin");
        assertThat(column("sku").mysql().charset()).isEqualTo("ascii");
        assertThat(column("title").collation()).isNull();
        assertThat(column("title").comment()).isEqualTo("shown to people");
        assertThat(column("state").type()).isEqualTo("enum('new','sold')");
        assertThat(column("state").defaultExpression()).isEqualTo("'new'");
        assertThat(column("total").generatedExpression()).contains("price");
        assertThat(column("total").mysql().generatedStored()).isFalse();
        assertThat(column("slug").mysql().generatedStored()).isTrue();
        assertThat(column("secret").mysql()).isEqualTo(new MysqlColumn(null, false, null, false, true));
        assertThat(column("changed").mysql().onUpdate()).isEqualTo("current_timestamp()");
        assertThat(column("body").notNull()).isFalse();
    }

    @Test
    void keysIndexesAndChecks() {
        Table item = table("item");
        assertThat(item.primaryKey().orElseThrow().columns()).containsExactly("id");
        assertThat(item.constraint("item_sku").orElseThrow().type()).isEqualTo(Constraint.Type.UNIQUE);
        assertThat(item.index("item_text").orElseThrow().method()).isEqualTo("fulltext");
        assertThat(item.index("item_title").orElseThrow().keys().get(0).expression()).isEqualTo("title(20)");
        assertThat(item.index("item_title").orElseThrow().keys().get(0).descending()).isTrue();
        assertThat(item.constraint("item_title_set").orElseThrow().definition()).contains("title");
        assertThat(item.constraints()).filteredOn(c -> c.type() == Constraint.Type.CHECK).hasSize(2);
        Constraint key = table("line").constraints().stream().filter(c -> c.type() == Constraint.Type.FOREIGN_KEY)
                .findFirst().orElse(null);
        assertThat(key).as("MyISAM keeps no foreign keys").isNull();
    }

    @Test
    void viewsTriggersAndRoutinesReadWithoutTheDatabaseName() {
        assertThat(snapshot.views()).singleElement().satisfies(view -> {
            assertThat(view.definition()).doesNotContain("schemagate_").contains("`item`");
            assertThat(view.mysql().checkOption()).isEqualTo("cascaded");
        });
        assertThat(table("item").trigger("item_touch").orElseThrow().events()).containsExactly("UPDATE");
        assertThat(snapshot.routines()).singleElement().satisfies(routine -> {
            assertThat(routine.identityArguments()).isEqualTo("IN p decimal(10,2)");
            assertThat(routine.result()).isEqualTo("decimal(10,2)");
        });
    }

    @Test
    void theSnapshotSurvivesJson() {
        assertThat(SnapshotJson.fromJson(SnapshotJson.toJson(snapshot))).isEqualTo(snapshot);
    }
}
