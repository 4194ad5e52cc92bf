package dev.schemagate.mutation;

import dev.schemagate.check.Finding;
import dev.schemagate.check.ScriptOutcome;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.engine.ExpectedSchemaCheck;
import dev.schemagate.engine.SnapshotSource;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a mutated migration does to the migrations after it: they must still apply, and the schema
 * they end in must still be the expected one ({@code --expected}). Run only for mutants the checks
 * of their own migration did not catch: the later migrations are applied, not checked.
 */
final class Tail {

    private final Dialect dialect;
    private final DatabaseServer server;
    private final VerifyOptions options;
    private Snapshot expected;

    Tail(Dialect dialect, DatabaseServer server, VerifyOptions options) {
        this.dialect = dialect;
        this.server = server;
        this.options = options;
    }

    /** True when there is something after migration {@code index} to look at. */
    boolean matters(MigrationSet set, int index) {
        return index + 1 < set.migrations().size() || options.expected() != null;
    }

    /** The failures of the later migrations and the expected-schema difference, from a copy of {@code before} made on {@code on}. */
    List<Finding> findings(DatabaseServer on, MigrationSet set, int index, ScratchDatabase before) {
        ScriptRunner runner = new ScriptRunner(dialect);
        try (ScratchDatabase copy = on.cloneDatabase(before); Connection connection = copy.connect()) {
            for (int i = index; i < set.migrations().size(); i++) {
                ScriptOutcome outcome = runner.run(connection, set.migrations().get(i).up());
                if (!outcome.succeeded()) {
                    return new ArrayList<>(outcome.failure().stream().toList());
                }
            }
            if (options.expected() == null) {
                return List.of();
            }
            return ExpectedSchemaCheck.check(expected(), dialect.snapshot(connection, SnapshotOptions.full()), options);
        } catch (SQLException e) {
            throw new InfrastructureException("lost the connection to the database: " + e.getMessage(), e);
        }
    }

    private synchronized Snapshot expected() {
        if (expected == null) {
            expected = SnapshotSource.read(options.expected(), dialect, server, options.layout(), SnapshotOptions.full());
        }
        return expected;
    }
}
