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
 * A cycle on a copy of the data line, on the real server: the copy stands for its original with the
 * migration applied once only when, after up, down and up again, every table holds the rows it held
 * after the first up; then the original's row cache takes the copy's rows and marks, and otherwise it
 * is left as it was.
 */
class RowWatchTest {

    private static final QualifiedName NOTES = QualifiedName.of("public", "notes");
    private static final Migration MIGRATION = new Migration(Version.parse("2"), "notes",
            Script.of(Path.of("2.up.sql"), "UPDATE notes SET body = 'up'"), Optional.empty());

    @Test
    void aCopyHoldingTheRowsTheFirstUpLeftStandsForItsOriginal() throws SQLException {
        try (ScratchDatabase database = TestServer.shared().createDatabase()) {
            RowCache cache = new RowCache(new PostgresDataProbe());
            Original original = read(database, cache);
            try (ScratchDatabase copy = TestServer.shared().cloneDatabase(database); Connection connection = copy.connect()) {
                RowWatch onCopy = cycled(original, connection, "up");

                assertThat(onCopy.keptOnCopy(connection, original.state())).isTrue();
                try (Connection onOriginal = database.connect()) {
                    assertThat(cache.capture(onOriginal, original.state(), List.of(NOTES)).get(NOTES))
                            .as("the cache holds the copy's rows and marks now, so the original's are read again")
                            .isNotSameAs(original.rows().get(NOTES));
                }
                assertThat(bodies(cache.capture(connection, original.state(), List.of(NOTES)))).containsExactly("up");
            }
        }
    }

    @Test
    void aCopyWhoseRowsMovedAfterTheFirstUpDoesNotAndLeavesTheOriginalsCacheAsItWas() throws SQLException {
        try (ScratchDatabase database = TestServer.shared().createDatabase()) {
            RowCache cache = new RowCache(new PostgresDataProbe());
            Original original = read(database, cache);
            try (ScratchDatabase copy = TestServer.shared().cloneDatabase(database); Connection connection = copy.connect()) {
                RowWatch onCopy = cycled(original, connection, "up again, otherwise");

                assertThat(onCopy.keptOnCopy(connection, original.state())).isFalse();
            }
            try (Connection connection = database.connect()) {
                assertThat(cache.capture(connection, original.state(), List.of(NOTES)).get(NOTES))
                        .as("the rows read on the original, not read again").isSameAs(original.rows().get(NOTES));
            }
        }
    }

    /** The original database's schema, its rows as its cache read them, and the watch over them. */
    private record Original(Snapshot state, Map<QualifiedName, TableRows> rows, RowWatch watch) {
    }

    private static Original read(ScratchDatabase database, RowCache cache) throws SQLException {
        try (Connection connection = database.connect()) {
            execute(connection, "CREATE TABLE notes (id int PRIMARY KEY, body text); INSERT INTO notes VALUES (1, 'first')");
            Snapshot state = PostgresIntrospector.snapshot(connection, SnapshotOptions.full());
            Map<QualifiedName, TableRows> rows = cache.capture(connection, state, List.of(NOTES));
            return new Original(state, rows, new RowWatch(cache, MIGRATION, rows));
        }
    }

    /** The watch on a copy after up ('up'), down ('first') and up again, which leaves {@code again}. */
    private static RowWatch cycled(Original original, Connection copy, String again) throws SQLException {
        RowWatch onCopy = original.watch().onCopy(copy);
        execute(copy, "UPDATE notes SET body = 'up'");
        onCopy.afterUp(copy, original.state());
        execute(copy, "UPDATE notes SET body = 'first'");
        onCopy.afterDown(copy, original.state());
        execute(copy, "UPDATE notes SET body = '" + again + "'");
        return onCopy;
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
