package com.example.catalog;

import dev.schemagate.junit5.MigrationDatabase;
import dev.schemagate.junit5.MigrationTest;
import dev.schemagate.junit5.MigrationVerification;
import dev.schemagate.junit5.StartAt;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import static dev.schemagate.junit5.SchemaAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@MigrationTest(locations = "db/migration")
class CatalogMigrationTest {

    @Test
    void theLatestSchemaHasOrdersOfCustomersWithAnEmail(MigrationDatabase db) {
        assertThat(db).table("customers").hasColumnsExactly("id", "name", "created_at", "email")
                .hasColumn("email").ofType("text").isNullable()
                .and().and()
                .table("orders").hasForeignKey(java.util.List.of("customer_id"), "customers").hasIndex("orders_customer_id_idx");
    }

    @Test
    @StartAt("2")
    void customersKeepTheirOrdersWhenTheEmailArrives(MigrationDatabase db) throws SQLException {
        execute(db, "INSERT INTO customers (name) VALUES ('Ada')");
        execute(db, "INSERT INTO orders (customer_id, total_cents) SELECT id, 1250 FROM customers");

        db.migrateTo("3");

        assertEquals("Ada 1250 null", query(db, "SELECT c.name || ' ' || o.total_cents || ' ' || coalesce(c.email, 'null') "
                + "FROM customers c JOIN orders o ON o.customer_id = c.id"));
    }

    @TestFactory
    Stream<DynamicNode> everyMigrationApplies() {
        return MigrationVerification.of("db/migration").dynamicTests();
    }

    private static void execute(MigrationDatabase db, String sql) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(MigrationDatabase db, String sql) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
