package dev.schemagate.postgres;

import dev.schemagate.check.Finding;
import dev.schemagate.check.ScriptOutcome;
import dev.schemagate.check.Severity;
import dev.schemagate.check.StatementFailures;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.ScriptPart;
import dev.schemagate.migration.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Transactions as migration tools run them, on the real server. */
class ScriptRunnerTest {

    private static final Transaction WRAPPED = Transaction.wrapped("diesel",
            "give its folder a metadata.toml holding run_in_transaction = false");
    private static final Transaction ONE_QUERY = new Transaction(Transaction.Mode.ONE_QUERY, "golang-migrate", "");
    private static final Transaction FLYWAY = new Transaction(Transaction.Mode.DETECTED, "Flyway", "");

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
        ScriptOutcome outcome = runner.run(connection, script("CREATE TABLE a (id int);\nCREATE TABLE a (id int);", WRAPPED));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.autocommitReason()).isEmpty();
        assertThat(tables()).isEmpty();
        assertThat(connection.getAutoCommit()).isTrue();
    }

    @Test
    void aStatementTheToolsTransactionCannotHoldIsAnErrorWithTheServersOwnWordsAndTheScriptStillRuns() throws SQLException {
        ScriptOutcome outcome = runner.run(connection, script(
                "CREATE TABLE a (id int);\nCREATE INDEX CONCURRENTLY a_id ON a (id);", WRAPPED));

        assertThat(outcome.succeeded()).isTrue();
        Finding refusal = outcome.refusal().orElseThrow();
        assertThat(refusal.ruleId()).isEqualTo(StatementFailures.NOT_IN_TRANSACTION);
        assertThat(refusal.severity()).isEqualTo(Severity.ERROR);
        assertThat(refusal.location().line()).isEqualTo(2);
        assertThat(refusal.message()).startsWith("CREATE INDEX CONCURRENTLY cannot run inside a transaction block")
                .contains("diesel runs the migration in a transaction");
        assertThat(refusal.hint()).contains("run_in_transaction = false");
        assertThat(outcome.autocommitReason()).isEqualTo("line 2 cannot run as diesel runs it; the checks ran it outside a transaction");
        assertThat(indexes()).containsExactly("a_id");
    }

    @Test
    void anEarlierStatementThatFailsIsTheFailureNotARefusal() throws SQLException {
        ScriptOutcome outcome = runner.run(connection, script(
                "CREATE TABLE a (id nosuchtype);\nCREATE INDEX CONCURRENTLY a_id ON a (id);", WRAPPED));

        assertThat(outcome.refusal()).isEmpty();
        assertThat(outcome.failure().orElseThrow().ruleId()).isEqualTo(StatementFailures.FAILED);
        assertThat(tables()).isEmpty();
    }

    @Test
    void oneQueryOfOneStatementRunsAloneOutsideATransaction() throws SQLException {
        execute("CREATE TABLE a (id int)");

        ScriptOutcome outcome = runner.run(connection, script(
                "-- built without blocking writes\nCREATE INDEX CONCURRENTLY a_id ON a (id); -- done\n", ONE_QUERY));

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.refusal()).isEmpty();
        assertThat(outcome.autocommitReason()).isEqualTo("line 2 cannot run inside a transaction, and golang-migrate sends it alone");
        assertThat(indexes()).containsExactly("a_id");
    }

    @Test
    void oneQueryOfSeveralStatementsIsOneImplicitTransactionBlockAsTheServerShowsOverTheSimpleProtocol() throws SQLException {
        execute("CREATE TABLE a (id int)");
        String sql = "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY a_id ON a (id);";

        ScriptOutcome outcome = runner.run(connection, script(sql, ONE_QUERY));

        Finding refusal = outcome.refusal().orElseThrow();
        assertThat(refusal.message()).contains("golang-migrate sends the file as one query of 2 statements");
        execute("DROP INDEX a_id");
        Properties simpleProtocol = new Properties();
        simpleProtocol.setProperty("user", database.username());
        if (database.password() != null) {
            simpleProtocol.setProperty("password", database.password());
        }
        simpleProtocol.setProperty("preferQueryMode", "simple");
        try (Connection simple = DriverManager.getConnection(database.jdbcUrl(), simpleProtocol);
             Statement asOneQuery = simple.createStatement()) {
            assertThatThrownBy(() -> asOneQuery.execute(sql))
                    .hasMessageContaining(refusal.message().substring(0, refusal.message().indexOf(',')));
        }
        assertThat(indexes()).isEmpty();
    }

    @Test
    void flywayRunsAMigrationOfOnlyNonTransactionalStatementsWithoutATransaction() throws SQLException {
        execute("CREATE TABLE a (id int)");

        ScriptOutcome outcome = runner.run(connection, script(
                "CREATE INDEX CONCURRENTLY a_id ON a (id);\nCREATE INDEX CONCURRENTLY a_id2 ON a (id);", FLYWAY));

        assertThat(outcome.refusal()).isEmpty();
        assertThat(outcome.autocommitReason()).isEqualTo("line 1 cannot run inside a transaction, and Flyway runs the migration without one");
        assertThat(indexes()).containsExactly("a_id", "a_id2");
    }

    @Test
    void flywayRefusesAMixedMigrationUnlessMixedIsSet() throws SQLException {
        execute("CREATE TABLE a (id int)");
        String sql = "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY a_id ON a (id);";

        assertThat(runner.run(connection, script(sql, FLYWAY)).refusal()).get()
                .extracting(Finding::message).asString().contains("Flyway refuses a migration that mixes");
        execute("DROP INDEX a_id");
        ScriptOutcome mixed = runner.run(connection, script(sql,
                new Transaction(Transaction.Mode.DETECTED_MIXED, "Flyway", "")));
        assertThat(mixed.refusal()).isEmpty();
        assertThat(mixed.succeeded()).isTrue();
    }

    @Test
    void aScriptMarkedNonTransactionalRunsInAutocommit() throws SQLException {
        ScriptOutcome outcome = runner.run(connection, script("CREATE TABLE a (id int);\nVACUUM a;", Transaction.none("goose")));

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.refusal()).isEmpty();
        assertThat(outcome.statements()).isEqualTo(2);
        assertThat(outcome.autocommitReason()).isEqualTo("the migration is marked to run outside a transaction");
    }

    @Test
    void copyFromStdinLoadsItsRows() throws SQLException {
        ScriptOutcome outcome = runner.run(connection, script(
                "CREATE TABLE a (id int, name text);\nCOPY a (id, name) FROM stdin;\n1\tone\n2\ttwo\n\\.\n", WRAPPED));

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
                """, WRAPPED));

        assertThat(outcome.succeeded()).as(outcome.toString()).isTrue();
        assertThat(scalar("SELECT add_one(41)")).isEqualTo("42");
    }

    private static Script script(String sql, Transaction transaction) {
        return new Script(Path.of("test.sql"), List.of(ScriptPart.of(sql, 1)), transaction);
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private List<String> indexes() throws SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
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
