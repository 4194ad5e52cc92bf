package dev.schemagate.mutation;

import dev.schemagate.check.ScriptRunner;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The database as the unmutated migrations leave it just before each migration that has mutants:
 * the history is applied once, and each mutant starts from a clone of the copy for its migration.
 */
final class Templates implements AutoCloseable {

    private final Map<Integer, ScratchDatabase> before = new HashMap<>();
    private final int failedAt;

    private Templates(int failedAt) {
        this.failedAt = failedAt;
    }

    /** Applies the migrations in order, keeping a copy before each of {@code needed}; stops at the first that fails. */
    static Templates build(Dialect dialect, DatabaseServer server, MigrationSet set, Set<Integer> needed) {
        int last = needed.stream().mapToInt(Integer::intValue).max().orElse(-1);
        ScriptRunner runner = new ScriptRunner(dialect);
        Templates templates = null;
        try (ScratchDatabase working = server.createDatabase()) {
            Map<Integer, ScratchDatabase> copies = new HashMap<>();
            int failed = -1;
            for (int i = 0; i <= last; i++) {
                if (needed.contains(i)) {
                    copies.put(i, server.cloneDatabase(working));
                }
                if (i < last && !apply(runner, working, set.migrations().get(i))) {
                    failed = i;
                    break;
                }
            }
            templates = new Templates(failed);
            templates.before.putAll(copies);
            return templates;
        }
    }

    private static boolean apply(ScriptRunner runner, ScratchDatabase database, Migration migration) {
        try (Connection connection = database.connect()) {
            return runner.run(connection, migration.up()).succeeded();
        } catch (SQLException e) {
            throw new InfrastructureException("lost the connection to the database: " + e.getMessage(), e);
        }
    }

    /** The copy of the database just before migration {@code index}, or empty when an earlier migration failed. */
    Optional<ScratchDatabase> before(int index) {
        return Optional.ofNullable(before.get(index));
    }

    /** The index of the unmutated migration that failed to apply, or -1. */
    int failedAt() {
        return failedAt;
    }

    @Override
    public void close() {
        before.values().forEach(ScratchDatabase::close);
    }
}
