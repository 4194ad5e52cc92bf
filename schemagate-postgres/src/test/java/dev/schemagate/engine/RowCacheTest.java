package dev.schemagate.engine;

import dev.schemagate.data.TableRows;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.postgres.TestServer;
import dev.schemagate.postgres.data.PostgresDataProbe;
import dev.schemagate.postgres.introspect.PostgresIntrospector;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The row cache on the real server, after a transaction committed rows it had read: the next capture
 * takes the marks kept as the tables' marks and reads nothing, until it is told that something else
 * wrote the database; then it reads the marks, and the rows that moved, again.
 */
class RowCacheTest {

    private static final QualifiedName NOTES = QualifiedName.of("public", "notes");

    @Test
    void aCaptureAfterAnAdoptedCommitTrustsItsMarksUntilTheCacheIsToldOfAnotherWrite() throws SQLException {
        try (ScratchDatabase database = TestServer.shared().createDatabase(); Connection connection = database.connect()) {
            execute(connection, "CREATE TABLE notes (id int PRIMARY KEY, body text); INSERT INTO notes VALUES (1, 'first')");
            Snapshot state = PostgresIntrospector.snapshot(connection, SnapshotOptions.full());
            RowCache cache = new RowCache(new PostgresDataProbe());
            assertThat(bodies(cache.capture(connection, state, List.of(NOTES)))).containsExactly("first");

            connection.setAutoCommit(false);
            execute(connection, "UPDATE notes SET body = 'committed'");
            Map<QualifiedName, TableRows> read = cache.capture(connection, state, List.of(NOTES));
            Optional<Map<QualifiedName, String>> committing = cache.marksToCommit(connection);
            connection.commit();
            connection.setAutoCommit(true);
            cache.adopt(connection, state, read, committing);
            execute(connection, "UPDATE notes SET body = 'written behind its back'");

            assertThat(bodies(cache.capture(connection, state, List.of(NOTES)))).containsExactly("committed");
            execute(connection, "UPDATE notes SET body = 'told'");
            cache.written();
            assertThat(bodies(cache.capture(connection, state, List.of(NOTES)))).containsExactly("told");
            assertThat(bodies(cache.capture(connection, state, List.of(NOTES)))).containsExactly("told");
        }
    }

    private static List<String> bodies(Map<QualifiedName, TableRows> captured) {
        return captured.get(NOTES).rows().stream().map(row -> row.get("body")).toList();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
