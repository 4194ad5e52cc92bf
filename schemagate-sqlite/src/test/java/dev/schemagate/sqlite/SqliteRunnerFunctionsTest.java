package dev.schemagate.sqlite;

import dev.schemagate.dialect.RunnerFunctions;
import dev.schemagate.dialect.RunnerFunctions.Kind;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.Timeouts;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The functions a runner defines, defined on every connection to a scratch database and on its clones. */
class SqliteRunnerFunctionsTest {

    private static final RunnerFunctions DECLARED = new RunnerFunctions(Map.of("BIN2B64", Kind.BASE64,
            "B642BIN", Kind.UNBASE64, "TO_HEX", Kind.HEX, "FROM_HEX", Kind.UNHEX));

    @Test
    void eachKindDoesWhatItSaysAndNullGivesNull() throws SQLException {
        try (SqliteServer server = SqliteServer.start(Timeouts.DEFAULT, DECLARED);
             ScratchDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            assertThat(row(connection, "select BIN2B64(x'00ff10'), BIN2B64('hé'), hex(B642BIN('AP8Q')), B642BIN(''),"
                    + " TO_HEX(x'00ab'), hex(FROM_HEX('00AB')), BIN2B64(NULL)"))
                    .containsExactly("AP8Q", "aMOp", "00FF10", null, "00AB", "00AB", null);
        }
    }

    @Test
    void aValueTheFunctionCannotTakeFailsTheStatementNamingTheFunction() throws SQLException {
        try (SqliteServer server = SqliteServer.start(Timeouts.DEFAULT, DECLARED);
             ScratchDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            assertThatThrownBy(() -> row(connection, "select B642BIN('not base64!')")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("B642BIN()");
        }
    }

    @Test
    void aCloneDefinesThemTooAndAServerWithoutDeclaredFunctionsHasNone() throws SQLException {
        try (SqliteServer server = SqliteServer.start(Timeouts.DEFAULT, DECLARED);
             ScratchDatabase template = server.createDatabase();
             ScratchDatabase clone = server.cloneDatabase(template); Connection connection = clone.connect()) {
            assertThat(row(connection, "select BIN2B64('a')")).containsExactly("YQ==");
        }
        try (SqliteServer server = SqliteServer.start(Timeouts.DEFAULT, RunnerFunctions.NONE);
             ScratchDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            assertThatThrownBy(() -> row(connection, "select BIN2B64('a')")).hasMessageContaining("no such function: BIN2B64");
        }
    }

    private static List<String> row(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                values.add(rows.getString(i));
            }
            return values;
        }
    }
}
