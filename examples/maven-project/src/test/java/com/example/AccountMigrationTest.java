package com.example;

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
class AccountMigrationTest {

    @Test
    @StartAt("1")
    void splitsExistingNames(MigrationDatabase db) throws SQLException {
        execute(db, "INSERT INTO accounts (full_name, email) VALUES ('Ada King Lovelace', 'ada@example.com')");
        db.migrateTo("2");
        assertEquals("Ada/King Lovelace", query(db, "SELECT first_name || '/' || last_name FROM accounts"));
    }

    @Test
    void theLatestSchemaHasTheSplitColumns(MigrationDatabase db) {
        assertThat(db).table("accounts").doesNotHaveColumn("full_name")
                .hasColumn("first_name").ofType("text").isNotNull()
                .hasColumn("last_name").ofType("text").isNotNull();
    }

    @TestFactory
    Stream<DynamicNode> everyMigrationAppliesAndReverts() {
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
