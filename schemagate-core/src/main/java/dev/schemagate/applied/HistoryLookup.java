package dev.schemagate.applied;

import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.migration.MigrationSet;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads where a live environment is in a migrations folder, in one read-only transaction that is
 * rolled back: nothing is written to the environment.
 */
public final class HistoryLookup {

    private HistoryLookup() {
    }

    /** The environment's state in the folder, or empty when it has no history table. */
    public static Optional<AppliedState> read(String url, Dialect dialect, MigrationSet set, HistoryTables.Wanted wanted,
                                              String environment) {
        try (Connection connection = dialect.connectLive(url)) {
            connection.setAutoCommit(false);
            try {
                Optional<HistoryTable> table = HistoryTables.find(connection, wanted, environment);
                Optional<AppliedHistory> history = table.isEmpty() ? Optional.empty()
                        : Optional.of(HistoryReader.read(connection, table.get()));
                return history.map(h -> AppliedState.of(set, h));
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new InfrastructureException("could not read the history table of the live database: " + e.getMessage()
                    + " (check the URL, the server, the credentials and the user's right to read the table)", e);
        }
    }
}
