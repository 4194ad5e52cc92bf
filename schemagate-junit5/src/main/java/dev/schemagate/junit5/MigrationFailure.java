package dev.schemagate.junit5;

import dev.schemagate.check.Finding;
import dev.schemagate.migration.Migration;

/**
 * A migration script failed while a test's database was being brought to a version: the test
 * fails with the file, line and server message, as an assertion failure.
 */
public final class MigrationFailure extends AssertionError {

    MigrationFailure(Migration migration, String direction, Finding finding) {
        super(migration.displayName() + ": the " + direction + " script failed at " + finding.location() + ": "
                + finding.message() + (finding.hint().isEmpty() ? "" : " (" + finding.hint() + ")"));
    }
}
