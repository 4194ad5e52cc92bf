package dev.schemagate.sqlite;

import dev.schemagate.data.TableSeed;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.migration.ScriptPart;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.model.Table;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQLite seeder on tables whose CHECKs refuse most generated values. */
class SqliteRowsTest {

    private static final SqliteDialect DIALECT = new SqliteDialect();

    private static TableSeed fill(Connection connection, String ddl, String table) throws SQLException {
        for (var statement : DIALECT.splitter().split(Path.of("schema.sql"), ScriptPart.of(ddl, 1))) {
            DIALECT.execute(connection, statement);
        }
        Table model = DIALECT.snapshot(connection, SnapshotOptions.full()).table(QualifiedName.of("main", table)).orElseThrow();
        return SqliteRows.fill(connection, model, 20, 1);
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @Test
    void aRowACheckRefusesTakesTheCheckedValuesOfARowThatWentInAndKeepsItsKeys() throws SQLException {
        try (DatabaseServer server = DIALECT.start(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION));
             ScratchDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            TableSeed seed = fill(connection, """
                    CREATE TABLE flow (
                      challenge TEXT PRIMARY KEY,
                      consent TEXT,
                      state INTEGER NOT NULL,
                      error TEXT,
                      CHECK (state = 1 OR state = 2 OR
                             (state = 3 AND error IS NOT NULL AND consent IS NOT NULL))
                    );
                    CREATE UNIQUE INDEX flow_consent ON flow (consent);
                    """, "flow");

            assertThat(seed.inserted()).isEqualTo(20);
            assertThat(seed.problems()).isEmpty();
            assertThat(column(connection, "select distinct state from flow order by 1")).containsExactly("1", "2", "3");
            assertThat(column(connection, "select count(distinct consent) from flow")).containsExactly("20");
            assertThat(column(connection, "select count(distinct error) from flow")).as("only the values the check needs repeat")
                    .containsExactly("20");
        }
    }

    @Test
    void aCheckNoRowCanMeetIsReportedOnOneLine() throws SQLException {
        try (DatabaseServer server = DIALECT.start(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION));
             ScratchDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            TableSeed seed = fill(connection, """
                    CREATE TABLE closed (
                      id INTEGER PRIMARY KEY,
                      state INTEGER
                        CHECK (state < 0
                               AND state > 0)
                    );
                    """, "closed");

            assertThat(seed.inserted()).isZero();
            assertThat(seed.problems()).singleElement().asString()
                    .startsWith("main.closed: 0 of 20 rows went in (")
                    .contains("CHECK constraint failed: state < 0 AND state > 0")
                    .doesNotContain("\n");
        }
    }
}
