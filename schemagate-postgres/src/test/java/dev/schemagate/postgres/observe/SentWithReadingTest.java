package dev.schemagate.postgres.observe;

import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.lint.Observation;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Statement;
import dev.schemagate.postgres.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A statement sent by the observer together with its reading after it (one round trip) is seen as one
 * run by the caller and read apart: the same locks, rewrites and index builds, statement after
 * statement each in a transaction of its own (one returning rows of its own too, one holding
 * semicolons), and a failing statement's error is its own.
 */
class SentWithReadingTest {

    private static final List<String> PLAN = List.of(
            "SELECT pg_catalog.set_config('search_path', 'public', false)",
            "ALTER TABLE parent ALTER COLUMN note TYPE varchar(80)",
            "ALTER TABLE parent ADD COLUMN extra text -- a comment closing the line",
            "CREATE TABLE fresh (id bigint PRIMARY KEY, doc jsonb CHECK (NOT doc ? 'x'))",
            "CREATE INDEX parent_extra ON parent (extra)",
            "ALTER TABLE child ADD CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id)",
            "DROP INDEX parent_extra",
            "CREATE FUNCTION twice(x integer) RETURNS integer LANGUAGE sql BEGIN ATOMIC SELECT x * 2; END");

    @Test
    void aStatementSentWithItsReadingIsSeenAsWhenRunAlone() throws SQLException {
        List<Observation> alone = watch(false);
        List<Observation> sent = watch(true);
        for (int i = 0; i < PLAN.size(); i++) {
            assertThat(summary(sent.get(i))).as(PLAN.get(i)).isEqualTo(summary(alone.get(i)));
        }
        assertThat(sent.get(1).rewrites()).containsExactly("parent");
        assertThat(sent.get(1).strongestLock(null)).containsExactly("parent");
        assertThat(sent.get(3).locks()).extracting(Observation.LockHeld::table).containsOnly("fresh");
        assertThat(sent.get(4).indexesBuilt()).containsExactly("parent_extra on parent");
        assertThat(sent.get(5).locks()).extracting(Observation.LockHeld::table).contains("child", "parent");
    }

    @Test
    void aFailingStatementReportsItsOwnErrorAndTheNextOneIsWatched() throws SQLException {
        try (ScratchDatabase database = TestServer.shared().createDatabase(); Connection connection = database.connect()) {
            build(connection);
            PostgresStatementObserver observer = new PostgresStatementObserver();
            Set<String> existing = observer.tables(connection);
            connection.setAutoCommit(false);
            assertThatThrownBy(() -> observer.run(connection, statement("ALTER TABLE parent DROP COLUMN missing"), existing))
                    .isInstanceOf(SQLException.class).hasMessageContaining("column \"missing\" of relation \"parent\" does not exist");
            connection.rollback();
            Observation next = observer.run(connection, statement(PLAN.get(1)), existing);
            connection.commit();
            assertThat(next.rewrites()).containsExactly("parent");
        }
    }

    private static List<Observation> watch(boolean sentWithReading) throws SQLException {
        try (ScratchDatabase database = TestServer.shared().createDatabase(); Connection connection = database.connect()) {
            build(connection);
            PostgresStatementObserver observer = new PostgresStatementObserver();
            Set<String> existing = observer.tables(connection);
            connection.setAutoCommit(false);
            List<Observation> seen = new java.util.ArrayList<>();
            for (String sql : PLAN) {
                seen.add(sentWithReading ? observer.run(connection, statement(sql), existing)
                        : observer.observe(connection, statement(sql), existing, () -> {
                            try (java.sql.Statement run = connection.createStatement()) {
                                run.execute(sql);
                            }
                        }));
                connection.commit();
            }
            return seen;
        }
    }

    private static void build(Connection connection) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE parent (id bigint PRIMARY KEY, note text);"
                    + "CREATE TABLE child (id bigint PRIMARY KEY, parent_id bigint);"
                    + "INSERT INTO parent SELECT g, 'n' || g FROM generate_series(1, 20) g;"
                    + "INSERT INTO child SELECT g, g FROM generate_series(1, 20) g");
        }
    }

    /** What was seen; the order in which the server lists a statement's locks is its own. */
    private static String summary(Observation seen) {
        return sorted(seen.locks()) + " " + sorted(seen.heldBefore()) + " " + seen.rewrites() + " " + seen.indexesBuilt()
                + " " + seen.rows() + " " + seen.existingTables();
    }

    private static List<String> sorted(List<Observation.LockHeld> locks) {
        return locks.stream().map(Object::toString).sorted().toList();
    }

    private static Statement statement(String sql) {
        return Statement.sql(sql, Location.of(Path.of("plan.sql")), true);
    }
}
