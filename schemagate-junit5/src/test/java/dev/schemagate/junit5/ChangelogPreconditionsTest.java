package dev.schemagate.junit5;

import org.junit.jupiter.api.Test;

import static dev.schemagate.junit5.SchemaAssertions.assertThat;

/**
 * A changelog whose preconditions ask the database: the extension decides them on the test's
 * database at each changeset's turn, so a changeset marked to skip is neither applied nor reverted.
 */
@MigrationTest(locations = "preconditions/changelog.yaml")
class ChangelogPreconditionsTest {

    @Test
    void aChangesetWhosePreconditionsAreNotMetIsSkippedBothWays(MigrationDatabase db) {
        assertThat(db).table("orders").hasColumn("note");

        db.rollbackTo("1.1");
        assertThat(db).table("orders").doesNotHaveColumn("note");
        db.rollbackTo("empty");
        assertThat(db).doesNotHaveTable("orders");
        db.migrateTo("latest");
        assertThat(db).table("orders").hasColumn("note");
    }
}
