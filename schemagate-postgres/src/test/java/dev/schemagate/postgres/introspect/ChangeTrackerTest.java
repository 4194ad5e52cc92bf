package dev.schemagate.postgres.introspect;

import dev.schemagate.dialect.ChangeTracking;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema a mark and what changed since it give is the schema a whole snapshot reads, whatever a
 * script did: inside a transaction, as a cycle runs scripts, and committed statement by statement,
 * as a cycle on a copy does. The changes reach relations the script never named (a view over a
 * renamed column, a foreign key to a dropped table, a default over a renamed sequence, a sequence
 * owned by a renamed column), and only a sequence's definition counts, never its value.
 */
class ChangeTrackerTest {

    static final String SCHEMA = """
            CREATE TYPE mood AS ENUM ('calm', 'busy');
            CREATE SEQUENCE ticket_no;
            CREATE TABLE a (id int PRIMARY KEY, name text NOT NULL, mood mood);
            CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id), no bigint DEFAULT nextval('ticket_no'),
                            CHECK (no > 0));
            CREATE INDEX b_a ON b (a_id);
            CREATE SEQUENCE b_serial OWNED BY b.id;
            CREATE TABLE unrelated (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text);
            CREATE VIEW a_names AS SELECT id, name FROM a;
            CREATE VIEW a_names_again AS SELECT name FROM a_names;
            CREATE TABLE link1 (id int PRIMARY KEY, a_id int REFERENCES a (id));
            CREATE TABLE link2 (id int PRIMARY KEY, link1_id int REFERENCES link1 (id));
            CREATE VIEW links AS SELECT l.id, a.name FROM link1 l JOIN a ON a.id = l.a_id;
            CREATE MATERIALIZED VIEW b_count AS SELECT count(*) AS n FROM b;
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER b_touch BEFORE UPDATE ON b FOR EACH ROW EXECUTE FUNCTION touch();
            ALTER TABLE a ENABLE ROW LEVEL SECURITY;
            CREATE POLICY a_calm ON a USING (mood = 'calm');
            COMMENT ON COLUMN a.name IS 'who';
            COMMENT ON CONSTRAINT b_no_check ON b IS 'positive';
            CREATE FUNCTION a_name(a) RETURNS text LANGUAGE sql AS 'SELECT $1.name';
            CREATE TYPE wrapper AS (inner_a a);
            CREATE TABLE c_holder (id int, held unrelated);
            CREATE DOMAIN positive AS int CONSTRAINT positive_check CHECK (VALUE > 0);
            COMMENT ON DOMAIN positive IS 'above zero';
            CREATE DOMAIN plain AS text;
            COMMENT ON FUNCTION touch() IS 'touches';
            COMMENT ON SCHEMA public IS 'standard public schema';
            COMMENT ON TYPE wrapper IS 'wraps';
            """;

    private static ScratchDatabase database;

    @BeforeAll
    static void fixture() throws SQLException {
        database = RoundTrip.server().createDatabase();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(SCHEMA);
        }
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    /** Scripts that change the schema in every way the tracker must follow, or change only rows. */
    static List<String> scripts() {
        return List.of(
                "INSERT INTO a VALUES (1, 'x', 'calm')",
                "CREATE TABLE c (id int PRIMARY KEY REFERENCES a); CREATE VIEW c_ids AS SELECT id FROM c",
                "ALTER TABLE a RENAME COLUMN name TO full_name",
                "ALTER TABLE a RENAME TO people",
                "ALTER TABLE a RENAME COLUMN id TO a_key",
                "ALTER TABLE link1 RENAME TO link_one",
                "ALTER TABLE link1 RENAME COLUMN id TO link_key",
                "ALTER TABLE unrelated RENAME TO renamed",
                "DROP TABLE a CASCADE",
                "DROP TABLE unrelated CASCADE",
                "ALTER SEQUENCE ticket_no RENAME TO ticket_number",
                "ALTER TABLE unrelated ALTER COLUMN id RESTART WITH 100; ALTER TABLE unrelated ALTER COLUMN id SET INCREMENT BY 5",
                "DROP INDEX b_a",
                "ALTER TABLE b DROP CONSTRAINT b_no_check",
                "DROP TRIGGER b_touch ON b",
                "DROP POLICY a_calm ON a",
                "COMMENT ON COLUMN a.name IS NULL",
                "COMMENT ON TABLE unrelated IS 'kept'",
                "GRANT SELECT ON unrelated TO PUBLIC",
                "REVOKE ALL ON a FROM PUBLIC",
                "ALTER TABLE b ADD COLUMN extra text DEFAULT 'x'",
                "ALTER TABLE a ADD COLUMN extra text; CREATE INDEX a_extra ON a (extra)",
                "ALTER TABLE a DROP COLUMN mood CASCADE",
                "ALTER TABLE b ALTER COLUMN id TYPE bigint",
                "ALTER TABLE link2 ALTER COLUMN link1_id TYPE bigint",
                "ALTER TABLE link1 RENAME COLUMN a_id TO a_ref",
                "CREATE TABLE d (id int PRIMARY KEY REFERENCES a, n bigint DEFAULT nextval('ticket_no'))",
                "ALTER TABLE a ALTER COLUMN name SET STATISTICS 500",
                "DO $$ BEGIN EXECUTE 'DROP TABLE unrelated CASCADE'; END $$",
                "ALTER TYPE mood ADD VALUE 'sleepy'",
                "ALTER TYPE mood RENAME TO feeling",
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                "ALTER FUNCTION touch() RENAME TO touched",
                "CREATE SCHEMA other; ALTER TABLE unrelated SET SCHEMA other",
                "TRUNCATE b",
                "REFRESH MATERIALIZED VIEW b_count",
                "DROP MATERIALIZED VIEW b_count; CREATE MATERIALIZED VIEW b_count AS SELECT count(*) AS n, 1 AS one FROM b",
                "CREATE TABLE p (id int, at date) PARTITION BY RANGE (at); CREATE TABLE p1 PARTITION OF p FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')",
                "ALTER TABLE b ALTER COLUMN no DROP DEFAULT; DROP SEQUENCE ticket_no",
                "SELECT setval('ticket_no', 42); SELECT nextval('b_serial')",
                "ALTER SEQUENCE ticket_no INCREMENT BY 7 MINVALUE 0 MAXVALUE 9000 CYCLE",
                "ALTER SEQUENCE ticket_no AS integer",
                "ALTER SEQUENCE ticket_no RESTART WITH 50",
                "ALTER SEQUENCE ticket_no OWNED BY b.no",
                "ALTER SEQUENCE b_serial OWNED BY NONE",
                "ALTER TABLE b RENAME COLUMN id TO key",
                "ALTER TABLE b RENAME TO bee",
                "ALTER TABLE b DROP COLUMN id CASCADE",
                "COMMENT ON SEQUENCE ticket_no IS 'tickets'",
                "GRANT USAGE ON SEQUENCE b_serial TO PUBLIC",
                "CREATE SEQUENCE fresh START 5 OWNED BY unrelated.note",
                "ALTER INDEX b_a RENAME TO b_by_a",
                "ALTER INDEX b_a SET (fillfactor = 50)",
                "COMMENT ON INDEX b_a IS 'by a'",
                "ALTER TABLE unrelated DROP COLUMN note",
                "ALTER TABLE b ALTER COLUMN no SET DEFAULT 7",
                "CREATE STATISTICS b_pair ON id, a_id FROM b",
                "CREATE CAST (json AS character varying) WITHOUT FUNCTION",
                "CREATE PUBLICATION out FOR TABLE ONLY unrelated",
                "CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s FOREIGN DATA WRAPPER w OPTIONS (host 'a')",
                "GRANT SELECT (note) ON unrelated TO PUBLIC",
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO PUBLIC",
                "UPDATE a SET name = 'y'; DELETE FROM b",
                "CREATE DOMAIN small AS int",
                "DROP DOMAIN positive",
                "DROP DOMAIN plain",
                "ALTER DOMAIN positive RENAME TO above_zero",
                "ALTER DOMAIN positive DROP CONSTRAINT positive_check",
                "ALTER DOMAIN positive ADD CONSTRAINT below_ten CHECK (VALUE < 10)",
                "COMMENT ON DOMAIN positive IS NULL",
                "COMMENT ON CONSTRAINT positive_check ON DOMAIN positive IS 'checked'",
                "COMMENT ON FUNCTION touch() IS NULL",
                "COMMENT ON SCHEMA public IS NULL",
                "COMMENT ON TYPE wrapper IS NULL",
                "COMMENT ON COLUMN wrapper.inner_a IS 'inner'",
                "ALTER TYPE wrapper ADD ATTRIBUTE extra int",
                "DROP TYPE wrapper",
                "DROP FUNCTION touch() CASCADE",
                "CREATE ROLE tracked_role; GRANT SELECT ON a TO tracked_role",
                "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC",
                "SAVEPOINT s; ALTER TABLE a ADD COLUMN z int; ROLLBACK TO SAVEPOINT s; GRANT SELECT (note) ON unrelated TO PUBLIC",
                "CREATE TABLE t (id positive); DROP TABLE t",
                "ALTER TABLE unrelated OWNER TO CURRENT_USER; ALTER TABLE unrelated SET (fillfactor = 70)"
        );
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void whatChangedSinceTheMarkIsWhatAWholeSnapshotReads(String script) throws SQLException {
        try (Connection connection = database.connect()) {
            assertTracked(connection, script);
        }
    }

    /**
     * Runs {@code script} in a transaction that is rolled back, on a database holding {@link #SCHEMA},
     * and checks that the tracker gives what a whole snapshot reads.
     */
    static void assertTracked(Connection connection, String script) throws SQLException {
        ChangeTracker tracker = new ChangeTracker();
        Snapshot base = PostgresIntrospector.snapshot(connection, SnapshotOptions.full());
        connection.setAutoCommit(false);
        try {
            ChangeTracking.Mark mark = tracker.mark(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute(script);
            }
            Snapshot whole = PostgresIntrospector.snapshotInOpenTransaction(connection, SnapshotOptions.full());
            assertThat(tracker.since(connection, mark, base, SnapshotOptions.full())).as(script).isEqualTo(whole);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ALTER TABLE a RENAME COLUMN name TO full_name",
            "DROP TABLE unrelated CASCADE",
            "CREATE INDEX CONCURRENTLY unrelated_note ON unrelated (note)",
    })
    void committedChangesOnACopyAreTrackedToo(String script) throws SQLException {
        ChangeTracker tracker = new ChangeTracker();
        try (ScratchDatabase copy = RoundTrip.server().cloneDatabase(database); Connection connection = copy.connect()) {
            Snapshot base = PostgresIntrospector.snapshot(connection, SnapshotOptions.full());
            ChangeTracking.Mark mark = tracker.mark(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute(script);
            }
            Snapshot whole = PostgresIntrospector.snapshot(connection, SnapshotOptions.full());
            assertThat(whole).isNotEqualTo(base);
            assertThat(tracker.since(connection, mark, base, SnapshotOptions.full())).isEqualTo(whole);
        }
    }
}
