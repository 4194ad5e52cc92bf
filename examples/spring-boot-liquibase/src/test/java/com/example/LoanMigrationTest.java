package com.example;

import dev.schemagate.junit5.MigrationDatabase;
import dev.schemagate.junit5.MigrationTest;
import org.junit.jupiter.api.Test;

import static dev.schemagate.junit5.SchemaAssertions.assertThat;

/** No locations: the extension reads application.yml as Spring Boot would, changelog, contexts and parameters. */
@MigrationTest
class LoanMigrationTest {

    @Test
    void theChangelogCreatesTheLoansTableItsParameterNames(MigrationDatabase db) {
        assertThat(db).table("book_loans").hasColumn("renewals").ofType("integer").isNotNull();
    }
}
