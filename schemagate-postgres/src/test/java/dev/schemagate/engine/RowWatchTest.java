package dev.schemagate.engine;

import dev.schemagate.data.TableRows;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.Version;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.postgres.TestServer;
import dev.schemagate.postgres.data.PostgresDataProbe;
import dev.schemagate.postgres.introspect.PostgresIntrospector;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cycle outside a transaction on the data line itself, on the real server: the database stands as
 * the first up left it only when, after up, down and up again, every table holds the rows it held
 * after the first up; the row cache then holds those rows, read under the marks the tables carry now.
 */
class RowWatchTest {

    private static final QualifiedName NOTES = QualifiedName.of("public", "notes");
    private static final Migration MIGRATION = new Migration(Version.parse("2"), "notes",
            Script.of(Path.of("2.up.sql"), "UPDATE notes SET body = 'up'"), Optional.empty());

    @Test
    void aCycleEndingWithTheRowsTheFirstUpLeftLeavesTheDatabaseAsUpLeftIt() throws SQLException {
        try (ScratchDatabase database = TestServer.shared().createDatabase(); Connection connection = database.connect()) {
            RowCache cache = new RowCache(new PostgresDataProbe());
            Original original = read(connection, cache);
            cycled(original, connection, "up");

            assertThat(original.watch().asUpLeftThem(connection, original.state())).isTrue();
            Map<QualifiedName, TableRows> now = cache.capture(connection, original.state(), List.of(NOTES));
            assertThat(bodies(now)).containsExactly("up");
            assertThat(cache.capture(connection, original.state(), List.of(NOTES)).get(NOTES))
                    .as("kept under the marks the table carries now, so not read again").isSameAs(now.get(NOTES));
        }
    }

    @Test
    void aCycleWhoseRowsMovedAfterTheFirstUpDoesNot() throws SQLException {
        try (ScratchDatabase database = TestServer.shared().createDatabase(); Connection connection = database.connect()) {
            RowCache cache = new RowCache(new PostgresDataProbe());
            Original original = read(connection, cache);
            cycled(original, connection, "up again, otherwise");

            assertThat(original.watch().asUpLeftThem(connection, original.state())).isFalse();
            assertThat(bodies(cache.capture(connection, original.state(), List.of(NOTES)))).containsExactly("up again, otherwise");
        }
    }

    /** The database's schema, its rows as the cache read them, and the watch over them. */
    private record Original(Snapshot state, Map<QualifiedName, TableRows> rows, RowWatch watch) {
    }

    private static Original read(Connection connection, RowCache cache) throws SQLException {
        execute(connection, "CREATE TABLE notes (id int PRIMARY KEY, body text); INSERT INTO notes VALUES (1, 'first')");
        Snapshot state = PostgresIntrospector.snapshot(connection, SnapshotOptions.full());
        Map<QualifiedName, TableRows> rows = cache.capture(connection, state, List.of(NOTES));
        return new Original(state, rows, new RowWatch(cache, MIGRATION, rows));
    }

    /** Up ('up'), down ('first') and up again, which leaves {@code again}, watched. */
    private static void cycled(Original original, Connection connection, String again) throws SQLException {
        execute(connection, "UPDATE notes SET body = 'up'");
        original.watch().afterUp(connection, original.state());
        execute(connection, "UPDATE notes SET body = 'first'");
        original.watch().afterDown(connection, original.state());
        execute(connection, "UPDATE notes SET body = '" + again + "'");
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
