package dev.schemagate.mysql.plan;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.diff.Hazard;
import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.diff.PlanProof;
import dev.schemagate.diff.PlannedStatement;
import dev.schemagate.diff.SnapshotComparison;
import dev.schemagate.engine.DiffRun;
import dev.schemagate.engine.PlanValidator;
import dev.schemagate.migration.Layout;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round-trip oracle on the project's own MySQL pairs, on the embedded MariaDB: the schema file
 * written from a snapshot of every kind of object loads back to the same snapshot, and the plan
 * from the shop's v1 to its v2 and back is proven as {@code diff} proves it (SOURCE rebuilt from its
 * schema file and seeded, the plan run on a copy, the result equal to TARGET, rows counted).
 */
class MysqlPlanTest {

    private static final Dialect MYSQL = Dialects.byId("mysql");

    private static DatabaseServer server;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        server = MYSQL.start(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MysqlPlanTest.class.getResourceAsStream("/plan/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Snapshot built(String sql) throws SQLException {
        try (ScratchDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            MYSQL.executeScript(connection, sql);
            return MYSQL.snapshot(connection, SnapshotOptions.full());
        }
    }

    private static PlanProof prove(String from, String to, boolean unsafe) {
        String folder = MysqlPlanTest.class.getResource("/plan/").getPath();
        return prove(folder + from, folder + to, unsafe, false);
    }

    private static PlanProof prove(String from, String to, boolean unsafe, boolean columnOrder) {
        PlanProof proof = DiffRun.planned(MYSQL, server, from, to,
                new DiffRun.DiffOptions(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION), Layout.AUTO,
                        SnapshotOptions.full(), columnOrder, unsafe, 10)).proof();
        assertThat(proof.problems()).as(from + " to " + to + ":\n" + proof.plan().script()).isEmpty();
        return proof;
    }

    private static List<String> sql(PlanProof proof) {
        return proof.plan().statements().stream().map(PlannedStatement::sql).toList();
    }

    @Test
    void theSchemaFileOfEveryKindOfObjectLoadsBackToTheSameSnapshot() throws Exception {
        Snapshot original = built(resource("every-kind.sql"));
        String file = MYSQL.schemaSql(original);

        Snapshot loaded = built(file);

        assertThat(SnapshotComparison.compare(original, loaded)).as(file).isEmpty();
        assertThat(file).contains("SPATIAL KEY `place_location`", "FULLTEXT KEY `item_text`", "USING HASH",
                "PARTITION BY RANGE", "PARTITION BY LIST", "ON UPDATE current_timestamp()", "INVISIBLE", "STORED",
                "CREATE EVENT `nightly` ON SCHEDULE EVERY 1 DAY ON COMPLETION NOT PRESERVE ENABLE DO",
                "CREATE EVENT `later` ON SCHEDULE EVERY '1:30' HOUR_MINUTE STARTS '2030-01-01 00:00:00'"
                        + " ENDS '2031-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE COMMENT 'it''s later' DO",
                "CREATE EVENT `once` ON SCHEDULE AT '2037-01-01 10:00:00' ON COMPLETION NOT PRESERVE DISABLE ON SLAVE DO");
        assertThat(loaded.mysql().events()).hasSize(3);
    }

    @Test
    void eventsArePlannedBothWaysEachInOneStatement() {
        PlanProof forth = prove("shop-v1.sql", "shop-v2.sql", true);
        PlanProof back = prove("shop-v2.sql", "shop-v1.sql", true);

        assertThat(sql(forth)).contains("DROP EVENT `purge_audit`", "ALTER EVENT `one_off` ON COMPLETION NOT PRESERVE",
                "CREATE EVENT `tidy_events` ON SCHEDULE EVERY 1 HOUR ON COMPLETION NOT PRESERVE ENABLE"
                        + " DO DELETE FROM event_log WHERE id < 0");
        assertThat(sql(forth)).filteredOn(s -> s.startsWith("ALTER EVENT `weekly_report`")).singleElement().satisfies(s ->
                assertThat(s).startsWith("ALTER EVENT `weekly_report` ON SCHEDULE EVERY '1 12' DAY_HOUR"
                        + " STARTS '2030-01-06 04:00:00' ENDS '2035-01-01 00:00:00' DISABLE COMMENT 'sums, disabled' DO BEGIN"));
        assertThat(sql(back)).contains("DROP EVENT `tidy_events`", "ALTER EVENT `one_off` ON COMPLETION PRESERVE",
                "CREATE EVENT `purge_audit` ON SCHEDULE EVERY 1 DAY ON COMPLETION NOT PRESERVE ENABLE"
                        + " DO DELETE FROM audit_log WHERE id < 0",
                "DROP EVENT `weekly_report`", "CREATE EVENT `weekly_report` ON SCHEDULE EVERY 1 WEEK"
                        + " STARTS '2030-01-05 03:00:00' ON COMPLETION NOT PRESERVE ENABLE COMMENT 'sums' DO SELECT COUNT(*) FROM orders");
        assertThat(forth.plan().statements()).filteredOn(s -> s.change().startsWith("mysql event ")).isNotEmpty().allSatisfy(s ->
                assertThat(s.hazards()).isEmpty());
    }

    @Test
    void theProofRunsOnSeededRowsAndCountsTheRowsAStatementLoses() throws SQLException {
        Snapshot from = built("CREATE TABLE a (id int PRIMARY KEY, note text)");
        Snapshot to = built("CREATE TABLE a (id int PRIMARY KEY, note text, extra text)");
        MigrationPlan lossy = new MigrationPlan(List.of(
                new PlannedStatement("ALTER TABLE `a` ADD COLUMN `extra` text", Set.of(), "table db.a"),
                new PlannedStatement("DELETE FROM `a` LIMIT 3", Set.of(), "table db.a")));

        PlanProof proof = new PlanValidator(MYSQL, server,
                new PlanValidator.PlanSettings(SnapshotOptions.full(), false, 10, 1)).prove(from, to, lossy, true);

        assertThat(proof.full().rowsLost()).containsExactly(java.util.Map.entry("table db.a", 3L));
        assertThat(proof.problems()).singleElement().asString().contains("table db.a", "no statement serving it says it deletes data");
    }

    @Test
    void theShopsPlanFromV1ToV2IsProvenOnSeededRows() {
        PlanProof proof = prove("shop-v1.sql", "shop-v2.sql", true);

        assertThat(proof.full().rowsLost()).isEmpty();
        assertThat(proof.plan().statements()).filteredOn(s -> s.sql().equals("ALTER TABLE `orders` DROP FOREIGN KEY `orders_customer`"))
                .extracting(PlannedStatement::change).containsExactly("table db.orders");
        assertThat(sql(proof)).contains(
                "ALTER TABLE `orders` DROP FOREIGN KEY `orders_customer`",
                "ALTER TABLE `customer` DROP COLUMN `legacy_code`",
                "ALTER TABLE `customer` RENAME INDEX `customer_email` TO `customer_email_key`",
                "ALTER TABLE `orders` ADD CONSTRAINT `orders_customer` FOREIGN KEY (`customer_id`) REFERENCES `customer` (`id`)"
                        + " ON DELETE CASCADE ON UPDATE RESTRICT");
        assertThat(sql(proof)).anyMatch(s -> s.startsWith("ALTER TABLE `product`\n") && s.contains("\n  RENAME INDEX `sku` TO `product_sku`,"));
        assertThat(sql(proof).indexOf("ALTER TABLE `orders` DROP FOREIGN KEY `orders_customer`"))
                .isLessThan(sql(proof).indexOf("DROP TABLE `audit_log`"));
        assertThat(proof.plan().destructive()).extracting(PlannedStatement::sql)
                .containsExactlyInAnyOrder("DROP TABLE `audit_log`", "ALTER TABLE `customer` DROP COLUMN `legacy_code`");
        assertThat(proof.plan().statements()).filteredOn(s -> s.sql().startsWith("ALTER TABLE `customer`\n"))
                .singleElement().satisfies(s -> {
                    assertThat(s.sql()).contains("COLLATE=utf8mb4_bin",
                            "ADD COLUMN `phone` varchar(30) COLLATE utf8mb4_bin NULL DEFAULT NULL AFTER `name`",
                            "ADD COLUMN `internal_note` varchar(100) COLLATE utf8mb4_bin NULL DEFAULT NULL INVISIBLE");
                    assertThat(s.hazards()).containsExactly(Hazard.REWRITES_TABLE);
                });
        assertThat(proof.plan().statements()).filteredOn(s -> s.sql().contains("MODIFY COLUMN `state`"))
                .singleElement().satisfies(s -> assertThat(s.hazards()).doesNotContain(Hazard.DELETES_DATA));
    }

    @Test
    void withColumnOrderColumnsAreMovedWhereTargetHasThem() throws IOException {
        Path from = Files.writeString(dir.resolve("order-from.sql"),
                "CREATE TABLE t (a INT NOT NULL PRIMARY KEY, b VARCHAR(10), c DATE, gone INT);\n");
        Path to = Files.writeString(dir.resolve("order-to.sql"),
                "CREATE TABLE t (c DATE, fresh INT, a INT NOT NULL PRIMARY KEY, b VARCHAR(20));\n");

        PlanProof proof = prove(from.toString(), to.toString(), true, true);

        assertThat(sql(proof)).contains("ALTER TABLE `t` DROP COLUMN `gone`");
        assertThat(proof.plan().statements()).last().satisfies(s -> {
            assertThat(s.sql()).contains("MODIFY COLUMN `c` date NULL DEFAULT NULL FIRST", "ADD COLUMN `fresh` int(11) NULL DEFAULT NULL AFTER `c`");
            // MariaDB 11.4 moves and adds columns in place; the hazards are what the copy showed
            assertThat(s.hazards()).doesNotContain(Hazard.REWRITES_TABLE, Hazard.DELETES_DATA);
        });
    }

    @Test
    void theShopsPlanBackFromV2ToV1NarrowsAndDropsAndSaysSo() {
        PlanProof unsafe = prove("shop-v2.sql", "shop-v1.sql", true);
        PlanProof safe = prove("shop-v2.sql", "shop-v1.sql", false);

        assertThat(unsafe.plan().destructive()).extracting(PlannedStatement::sql)
                .contains("DROP TABLE `shipment`", "DROP TABLE `event_log`", "ALTER TABLE `customer` DROP COLUMN `phone`")
                .anyMatch(s -> s.startsWith("ALTER TABLE `product` MODIFY COLUMN `price` decimal(8,2)"))
                .anyMatch(s -> s.startsWith("ALTER TABLE `product` MODIFY COLUMN `state` enum('draft','live')"));
        assertThat(unsafe.full().rowsLost()).isEmpty();
        assertThat(safe.heldBack()).extracting(PlannedStatement::sql).contains("DROP TABLE `shipment`");
    }

    @Test
    void aForeignKeyWithoutActionEqualsOneAddedWithRestrictOrNoActionWhileChecksAreOff() throws Exception {
        String parent = "CREATE TABLE p (id INT PRIMARY KEY); ";
        Snapshot declared = built(parent + "CREATE TABLE c (p INT, CONSTRAINT k FOREIGN KEY (p) REFERENCES p (id))");
        Snapshot noAction = built(parent + "CREATE TABLE c (p INT, CONSTRAINT k FOREIGN KEY (p) REFERENCES p (id)"
                + " ON DELETE NO ACTION ON UPDATE NO ACTION)");
        Snapshot addedInPlace = built("SET foreign_key_checks = 0; " + parent + "CREATE TABLE c (p INT, KEY k (p));"
                + " ALTER TABLE c ADD CONSTRAINT k FOREIGN KEY (p) REFERENCES p (id) ON DELETE RESTRICT ON UPDATE RESTRICT");

        assertThat(SnapshotComparison.compare(declared, noAction)).isEmpty();
        assertThat(SnapshotComparison.compare(declared, addedInPlace)).isEmpty();
        Snapshot loaded = built("SET foreign_key_checks = 0; " + MYSQL.schemaSql(declared));
        assertThat(SnapshotComparison.compare(declared, loaded)).isEmpty();
    }
}
