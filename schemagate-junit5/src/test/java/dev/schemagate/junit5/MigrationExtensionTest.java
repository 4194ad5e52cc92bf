package dev.schemagate.junit5;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MigrationTest(locations = "db/migration")
class MigrationExtensionTest {

    private MigrationDatabase prepared;

    @BeforeEach
    void insertOneOrder(MigrationDatabase db) throws SQLException {
        prepared = db;
        if (db.version().equals("3")) {
            execute(db, "INSERT INTO orders (customer, amount_cents, total) VALUES ('ada', 1250, 12.50)");
        }
    }

    @Test
    void everyTestStartsFromItsOwnCloneOfTheLatestVersion(MigrationDatabase db) throws SQLException {
        assertThat(db).isSameAs(prepared);
        assertThat(db.version()).isEqualTo("3");
        assertThat(count(db, "orders")).isEqualTo(1);
    }

    @Test
    void aSecondTestSeesNoneOfTheFirstOnesRows(MigrationDatabase db) throws SQLException {
        execute(db, "INSERT INTO orders (customer, amount_cents, total) VALUES ('grace', 300, 3.00)");
        assertThat(count(db, "orders")).isEqualTo(2);
    }

    @Test
    void theHandleSpeaksTestcontainers(MigrationDatabase db) throws SQLException {
        assertThat(db.getJdbcUrl()).startsWith("jdbc:postgresql://").endsWith("/" + db.getDatabaseName());
        try (Connection viaUrl = DriverManager.getConnection(db.getJdbcUrl(), db.getUsername(), db.getPassword());
             Connection viaDataSource = db.getDataSource().getConnection()) {
            assertThat(scalar(viaUrl, "SELECT current_database()")).isEqualTo(db.getDatabaseName());
            assertThat(scalar(viaDataSource, "SELECT current_database()")).isEqualTo(db.getDatabaseName());
        }
    }

    @Test
    @StartAt("1")
    void aDataMigrationBackfillsTheRowsItFinds(MigrationDatabase db) throws SQLException {
        execute(db, "INSERT INTO orders (customer, amount_cents) VALUES ('ada', 1250), ('grace', 99)");

        db.migrateTo("2");

        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT total FROM orders ORDER BY customer")) {
            rows.next();
            assertThat(rows.getBigDecimal(1)).isEqualByComparingTo(new BigDecimal("12.50"));
            rows.next();
            assertThat(rows.getBigDecimal(1)).isEqualByComparingTo(new BigDecimal("0.99"));
        }
        assertThat(db.version()).isEqualTo("2");
    }

    @Test
    void rollbackRunsTheDownScriptsNewestFirst(MigrationDatabase db) {
        db.rollbackTo("1");

        assertThat(db.version()).isEqualTo("1");
        SchemaAssertions.assertThat(db).doesNotHaveTable("order_notes").table("orders").doesNotHaveColumn("total");
        db.migrateToLatest();
        SchemaAssertions.assertThat(db).hasTable("order_notes");
    }

    @Test
    @StartAt(MigrationTest.EMPTY)
    void anEmptyStartHasNoTables(MigrationDatabase db) {
        assertThat(db.snapshot().tables()).isEmpty();
        assertThat(db.migrations()).hasSize(3);
    }

    @Test
    void movingTheWrongWayOrToAnUnknownVersionSaysWhatToDo(MigrationDatabase db) {
        assertThatThrownBy(() -> db.migrateTo("1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("use rollbackTo(\"1\")");
        assertThatThrownBy(() -> db.migrateTo("7")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no migration has version 7").hasMessageContaining("[1, 2, 3]");
    }

    static void execute(MigrationDatabase db, String sql) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static long count(MigrationDatabase db, String table) throws SQLException {
        try (Connection connection = db.getConnection()) {
            return Long.parseLong(scalar(connection, "SELECT count(*) FROM " + table));
        }
    }

    static String scalar(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
