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
 * The row cache on the real server. After a transaction committed rows it had read, the next capture
 * takes the marks kept as the tables' marks and reads nothing, until it is told that something else
 * wrote the database; then it reads the marks, and the rows that moved, again. On a copy of the
 * database, it reads again only what the copy wrote.
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

    @Test
    void onACopyTheCacheReadsAgainOnlyTheTablesTheCopyWroteAndLeavesItsOwnAsItWas() throws SQLException {
        QualifiedName tags = QualifiedName.of("public", "tags");
        try (ScratchDatabase database = TestServer.shared().createDatabase()) {
            RowCache cache = new RowCache(new PostgresDataProbe());
            Snapshot state;
            TableRows kept;
            try (Connection connection = database.connect()) {
                execute(connection, "CREATE TABLE notes (id int PRIMARY KEY, body text); INSERT INTO notes VALUES (1, 'first');"
                        + " CREATE TABLE tags (name text); INSERT INTO tags VALUES ('kept')");
                state = PostgresIntrospector.snapshot(connection, SnapshotOptions.full());
                kept = cache.capture(connection, state, List.of(NOTES, tags)).get(tags);
            }
            try (ScratchDatabase copy = TestServer.shared().cloneDatabase(database); Connection connection = copy.connect()) {
                RowCache onCopy = cache.onCopy(connection);
                execute(connection, "UPDATE notes SET body = 'on the copy'");
                Map<QualifiedName, TableRows> captured = onCopy.capture(connection, state, List.of(NOTES, tags));
                assertThat(bodies(captured)).containsExactly("on the copy");
                assertThat(captured.get(tags)).as("the rows read on the original, not read again").isSameAs(kept);
            }
            try (Connection connection = database.connect()) {
                assertThat(bodies(cache.capture(connection, state, List.of(NOTES)))).containsExactly("first");
            }
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
