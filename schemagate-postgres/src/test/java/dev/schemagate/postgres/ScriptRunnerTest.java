package dev.schemagate.postgres;

import dev.schemagate.check.ScriptOutcome;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.ScriptPart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Transactions as migration tools run them, on the real server. */
class ScriptRunnerTest {

    private final ScriptRunner runner = new ScriptRunner(new PostgresDialect());
    private ScratchDatabase database;
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        database = TestServer.shared().createDatabase();
        connection = database.connect();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        database.close();
    }

    @Test
    void aFailingTransactionalScriptLeavesNothingBehind() throws SQLException {
        ScriptOutcome outcome = runner.run(connection, script("CREATE TABLE a (id int);\nCREATE TABLE a (id int);", true));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.autocommitReason()).isEmpty();
        assertThat(tables()).isEmpty();
        assertThat(connection.getAutoCommit()).isTrue();
    }

    @Test
    void aScriptWithAConcurrentIndexRunsStatementByStatementAndKeepsWhatRanBeforeTheFailure() throws SQLException {
        ScriptOutcome outcome = runner.run(connection, script(
                "CREATE TABLE a (id int);\nCREATE INDEX CONCURRENTLY a_id ON a (id);\nCREATE TABLE a (id int);", true));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.autocommitReason()).startsWith("line 2 cannot run inside a transaction (CREATE INDEX CONCURRENTLY");
        assertThat(tables()).containsExactly("a");
    }

    @Test
    void aScriptMarkedNonTransactionalRunsInAutocommit() throws SQLException {
        ScriptOutcome outcome = runner.run(connection, script("CREATE TABLE a (id int);\nVACUUM a;", false));

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.statements()).isEqualTo(2);
        assertThat(outcome.autocommitReason()).isEqualTo("the migration is marked to run outside a transaction");
    }

    @Test
    void copyFromStdinLoadsItsRows() throws SQLException {
        ScriptOutcome outcome = runner.run(connection, script(
                "CREATE TABLE a (id int, name text);\nCOPY a (id, name) FROM stdin;\n1\tone\n2\ttwo\n\\.\n", true));

        assertThat(outcome.succeeded()).as(outcome.toString()).isTrue();
        assertThat(scalar("SELECT string_agg(id || ':' || name, ',' ORDER BY id) FROM a")).isEqualTo("1:one,2:two");
    }

    @Test
    void aSqlStandardFunctionBodyRunsAsOneStatement() throws SQLException {
        ScriptOutcome outcome = runner.run(connection, script("""
                CREATE FUNCTION add_one(i int) RETURNS int
                LANGUAGE sql
                BEGIN ATOMIC
                    SELECT i + 1;
                END;
                SELECT add_one(1);
                """, true));

        assertThat(outcome.succeeded()).as(outcome.toString()).isTrue();
        assertThat(scalar("SELECT add_one(41)")).isEqualTo("42");
    }

    private static Script script(String sql, boolean transactional) {
        return new Script(Path.of("test.sql"), List.of(ScriptPart.of(sql, 1)), transactional);
    }

    private List<String> tables() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(string_agg(relname, ','), '') FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace")) {
            rs.next();
            return rs.getString(1).isEmpty() ? List.of() : List.of(rs.getString(1).split(","));
        }
    }

    private String scalar(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
