package dev.schemagate.postgres.introspect;

import dev.schemagate.dialect.ChangeTracking;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import static dev.schemagate.postgres.introspect.RoundTrip.execute;
import static dev.schemagate.postgres.introspect.RoundTrip.oid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inside a transaction, what changed is read from the transaction's locks and writes: a change to
 * one table names that table and no other, rows written name nothing, a change beyond relations asks
 * for the whole schema, and one mark serves every reading of a cycle (up, down, up again).
 */
class TransactionChangesTest {

    private static ScratchDatabase database;

    @BeforeAll
    static void fixture() throws SQLException {
        database = RoundTrip.server().createDatabase();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE a (id int PRIMARY KEY, name text);
                    CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));
                    CREATE TABLE quiet (id int);
                    CREATE VIEW a_names AS SELECT name FROM a;
                    """);
        }
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ALTER TABLE quiet ADD COLUMN note text | quiet",
            "CREATE INDEX quiet_id ON quiet (id); COMMENT ON COLUMN a.name IS 'who' | quiet, a",
            "GRANT SELECT (name) ON a TO PUBLIC | a",
            "INSERT INTO a VALUES (1, 'x'); INSERT INTO b VALUES (1, 1); UPDATE quiet SET id = 2 |",
    })
    void aChangeNamesTheTablesItChangedAndRowsNameNone(String script, String tables) throws SQLException {
        inTransaction(connection -> {
            TransactionChanges.Held mark = TransactionChanges.mark(connection, null).orElseThrow();
            execute(connection, script);
            Set<Long> expected = new HashSet<>();
            for (String table : tables == null ? new String[0] : tables.split(",\\s*")) {
                expected.add(oid(connection, table));
            }
            Set<Long> changed = TransactionChanges.since(connection, mark).orElseThrow();
            changed.removeIf(oid -> !mark.relations().containsKey(oid));
            assertThat(changed).isEqualTo(expected);
        });
    }

    @Test
    void aChangeBeyondRelationsAsksForTheWholeSchema() throws SQLException {
        inTransaction(connection -> {
            TransactionChanges.Held mark = TransactionChanges.mark(connection, null).orElseThrow();
            execute(connection, "CREATE FUNCTION one() RETURNS int LANGUAGE sql AS 'SELECT 1'");
            assertThat(TransactionChanges.since(connection, mark)).isEmpty();
        });
    }

    @Test
    void oneMarkServesUpDownAndUpAgain() throws SQLException {
        ChangeTracker tracker = new ChangeTracker();
        try (Connection connection = database.connect()) {
            Snapshot before = PostgresIntrospector.snapshot(connection, SnapshotOptions.full());
            inTransaction(connection, open -> {
                ChangeTracking.Mark mark = tracker.mark(open);
                assertThat(mark).isInstanceOf(TransactionChanges.Held.class);
                execute(open, "CREATE TABLE c (id int REFERENCES a); ALTER TABLE a RENAME COLUMN name TO full_name");
                Snapshot up = tracker.since(open, mark, before, SnapshotOptions.full());
                assertThat(up).isEqualTo(PostgresIntrospector.snapshotInOpenTransaction(open, SnapshotOptions.full()));
                execute(open, "ALTER TABLE a RENAME COLUMN full_name TO name; DROP TABLE c");
                assertThat(tracker.since(open, mark, before, SnapshotOptions.full())).isEqualTo(before);
                execute(open, "CREATE TABLE c (id int REFERENCES a); ALTER TABLE a RENAME COLUMN name TO full_name");
                assertThat(tracker.since(open, mark, before, SnapshotOptions.full())).isEqualTo(up);
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1",
            "CREATE TABLE fresh (id int PRIMARY KEY); CREATE VIEW fresh_ids AS SELECT id FROM fresh",
            "ALTER TABLE quiet RENAME TO hushed",
            "DROP VIEW a_names",
            "DROP TABLE quiet; CREATE TABLE quiet (id int)",
            "CREATE SCHEMA other; ALTER TABLE quiet SET SCHEMA other",
            "ALTER SCHEMA public RENAME TO main",
            "CREATE SEQUENCE counter; CREATE TYPE pair AS (x int, y int)",
    })
    void aMarkThatStartsFromAnEarlierListingListsWhatAWholeListingDoes(String committed) throws SQLException {
        try (ScratchDatabase own = RoundTrip.server().createDatabase();
             Connection connection = own.connect(); Connection other = own.connect()) {
            execute(connection, "CREATE TABLE a (id int PRIMARY KEY, name text); CREATE TABLE quiet (id int);"
                    + " CREATE VIEW a_names AS SELECT name FROM a");
            connection.setAutoCommit(false);
            TransactionChanges.Listing earlier = TransactionChanges.mark(connection, null).orElseThrow().listing();
            connection.commit();
            execute(other, committed);
            TransactionChanges.Held again = TransactionChanges.mark(connection, earlier).orElseThrow();
            TransactionChanges.Held whole = TransactionChanges.mark(connection, null).orElseThrow();
            connection.rollback();
            assertThat(again.relations()).isEqualTo(whole.relations());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1",
            "CREATE TABLE fresh (id int PRIMARY KEY); CREATE VIEW fresh_ids AS SELECT id FROM fresh",
            "ALTER TABLE quiet RENAME TO hushed",
            "ALTER VIEW a_names RENAME TO names_of_a",
            "DROP VIEW a_names",
            "DROP TABLE quiet; CREATE TABLE quiet (id int)",
            "CREATE SCHEMA other; ALTER TABLE quiet SET SCHEMA other",
            "ALTER SCHEMA public RENAME TO main",
            "CREATE SEQUENCE counter; CREATE TYPE pair AS (x int, y int)",
            "GRANT SELECT ON a TO PUBLIC; ALTER TABLE quiet RENAME TO hushed",
    })
    void aMarkAfterACommittedCycleListsWhatAWholeListingDoes(String up) throws SQLException {
        ChangeTracker tracker = new ChangeTracker();
        try (ScratchDatabase own = RoundTrip.server().createDatabase(); Connection connection = own.connect()) {
            execute(connection, "CREATE TABLE a (id int PRIMARY KEY, name text); CREATE TABLE quiet (id int);"
                    + " CREATE VIEW a_names AS SELECT name FROM a");
            committedCycle(tracker, connection, up, "CREATE SCHEMA scratch; CREATE TABLE scratch.undone (id int);"
                    + " DROP VIEW IF EXISTS a_names; DROP VIEW IF EXISTS names_of_a");
            assertNextMarkListsWhatAWholeListingDoes(tracker, connection);
        }
    }

    @Test
    void aMarkAfterACycleOutsideATransactionOnTheSameConnectionListsWhatAWholeListingDoes() throws SQLException {
        ChangeTracker tracker = new ChangeTracker();
        try (ScratchDatabase own = RoundTrip.server().createDatabase(); Connection connection = own.connect()) {
            execute(connection, "CREATE TABLE a (id int PRIMARY KEY, name text)");
            committedCycle(tracker, connection, "ALTER TABLE a ADD COLUMN note text", null);
            connection.setAutoCommit(true);
            tracker.mark(connection);
            execute(connection, "CREATE TABLE outside (id int)");
            execute(connection, "CREATE INDEX CONCURRENTLY a_name ON a (name)");
            connection.setAutoCommit(false);
            assertNextMarkListsWhatAWholeListingDoes(tracker, connection);
        }
    }

    /**
     * A cycle as the data line keeps one: {@code up} in a transaction marked by the tracker and read once,
     * then {@code undone} (when given) read and undone to a savepoint, the transaction committed.
     */
    private static void committedCycle(ChangeTracker tracker, Connection connection, String up, String undone)
            throws SQLException {
        Snapshot before = PostgresIntrospector.snapshot(connection, SnapshotOptions.full());
        connection.setAutoCommit(false);
        ChangeTracking.Mark mark = tracker.mark(connection);
        execute(connection, up);
        tracker.since(connection, mark, before, SnapshotOptions.full());
        if (undone != null) {
            Savepoint applied = connection.setSavepoint();
            execute(connection, undone);
            tracker.since(connection, mark, before, SnapshotOptions.full());
            connection.rollback(applied);
        }
        connection.commit();
        tracker.committed(connection, mark);
    }

    /** The tracker's next mark in the open transaction lists the relations a listing from nothing lists. */
    private static void assertNextMarkListsWhatAWholeListingDoes(ChangeTracker tracker, Connection connection)
            throws SQLException {
        TransactionChanges.Held next = (TransactionChanges.Held) tracker.mark(connection);
        TransactionChanges.Held whole = TransactionChanges.mark(connection, null).orElseThrow();
        connection.rollback();
        assertThat(next.relations()).isEqualTo(whole.relations());
    }

    @Test
    void aScopedReadInsideTheTransactionLeavesItsSettingsAsTheyWere() throws SQLException {
        inTransaction(connection -> {
            execute(connection, "CREATE SCHEMA app; SET LOCAL search_path = app, public; SET LOCAL jit = on;"
                    + " SET LOCAL enable_seqscan = on");
            Snapshot read = PostgresIntrospector.relations(connection, SnapshotOptions.full(), Set.of(oid(connection, "public.a")));
            assertThat(read.table(QualifiedName.of("public", "a"))).isPresent();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(
                         "SELECT current_setting('search_path'), current_setting('jit'), current_setting('enable_seqscan')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("app, public");
                assertThat(rs.getString(2)).isEqualTo("on");
                assertThat(rs.getString(3)).isEqualTo("on");
            }
        });
    }

    @Test
    void aMarkOfAnotherTransactionAsksForTheWholeSchema() throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            TransactionChanges.Held mark = TransactionChanges.mark(connection, null).orElseThrow();
            connection.rollback();
            execute(connection, "SELECT 1");
            assertThat(TransactionChanges.since(connection, mark)).isEmpty();
            connection.rollback();
        }
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private static void inTransaction(Work work) throws SQLException {
        try (Connection connection = database.connect()) {
            inTransaction(connection, work);
        }
    }

    private static void inTransaction(Connection connection, Work work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run(connection);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }
}
