package dev.schemagate.postgres.introspect;

import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static dev.schemagate.postgres.introspect.RoundTrip.execute;
import static dev.schemagate.postgres.introspect.RoundTrip.oid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server's scratch databases log their DDL statements: a reading of what a transaction
 * changed names what the statements since the mark did and nothing the transaction did before it,
 * still finds catalog rows written without DDL, names what a reading without the log names, and no
 * snapshot shows the log.
 */
class DdlLogTest {

    private static ScratchDatabase database;

    @BeforeAll
    static void fixture() throws SQLException {
        database = RoundTrip.server().createDatabase();
        try (Connection connection = database.connect()) {
            execute(connection, "CREATE TABLE quiet (id int); CREATE TABLE other (id int PRIMARY KEY)");
        }
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void aReadingNamesWhatTheStatementsSinceTheMarkChangedNotWhatCameBefore() throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            execute(connection, "GRANT SELECT ON other TO PUBLIC");
            TransactionChanges.Held mark = TransactionChanges.mark(connection, null).orElseThrow();
            execute(connection, "ALTER TABLE quiet ADD COLUMN note text");
            Set<Long> changed = TransactionChanges.since(connection, mark).orElseThrow();
            assertThat(changed).containsExactly(oid(connection, "quiet"));
            connection.rollback();
        }
    }

    @Test
    void aCatalogRowWrittenWithoutDdlIsStillFound() throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            TransactionChanges.Held mark = TransactionChanges.mark(connection, null).orElseThrow();
            execute(connection, "ALTER TABLE quiet ADD COLUMN note text;"
                    + " UPDATE pg_catalog.pg_attribute SET attnotnull = true WHERE attrelid = 'other'::regclass AND attname = 'id'");
            Set<Long> changed = TransactionChanges.since(connection, mark).orElseThrow();
            assertThat(changed).contains(oid(connection, "quiet"), oid(connection, "other"));
            connection.rollback();
        }
    }

    @Test
    void aDroppedTypeAsksForTheWholeSchema() throws SQLException {
        try (Connection connection = database.connect()) {
            execute(connection, "CREATE TYPE mood AS ENUM ('calm')");
            try {
                connection.setAutoCommit(false);
                TransactionChanges.Held mark = TransactionChanges.mark(connection, null).orElseThrow();
                execute(connection, "DROP TYPE mood");
                assertThat(TransactionChanges.since(connection, mark)).isEmpty();
                connection.rollback();
            } finally {
                connection.setAutoCommit(true);
                execute(connection, "DROP TYPE mood");
            }
        }
    }

    @Test
    void noSnapshotShowsTheLog() throws SQLException {
        try (ScratchDatabase own = RoundTrip.server().createDatabase(); Connection connection = own.connect()) {
            execute(connection, "CREATE TABLE t (id int)");
            Snapshot logged = PostgresIntrospector.snapshot(connection, SnapshotOptions.full());
            dropLog(connection);
            assertThat(logged).isEqualTo(PostgresIntrospector.snapshot(connection, SnapshotOptions.full()));
        }
    }

    @Test
    void aMigrationMayDropTheLanguageTheLogIsWrittenIn() throws SQLException {
        try (ScratchDatabase own = RoundTrip.server().createDatabase(); Connection connection = own.connect()) {
            connection.setAutoCommit(false);
            TransactionChanges.Held mark = TransactionChanges.mark(connection, null).orElseThrow();
            execute(connection, "DROP EXTENSION plpgsql; CREATE TABLE t (id int)");
            assertThat(TransactionChanges.since(connection, mark)).isEmpty();
            connection.commit();
            execute(connection, "CREATE TABLE u (id int)");
            connection.commit();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ALTER TABLE quiet ADD COLUMN note text",
            "CREATE TABLE fresh (id int PRIMARY KEY REFERENCES other (id)); GRANT SELECT ON fresh TO PUBLIC",
            "GRANT SELECT ON other TO PUBLIC; ALTER TABLE quiet ADD COLUMN note text",
            "DO $$ BEGIN EXECUTE 'CREATE TABLE inside (id int)'; END $$; ALTER TABLE quiet RENAME TO hushed",
            "CREATE TYPE mood AS ENUM ('calm')",
            "CREATE TYPE pair AS (x int, y int)",
            "CREATE DOMAIN positive AS int CHECK (VALUE > 0)",
            "COMMENT ON COLUMN other.id IS 'key'; CREATE INDEX other_id ON other (id)",
            "DROP TABLE quiet; CREATE VIEW other_ids AS SELECT id FROM other",
            "ALTER TABLE other ADD CONSTRAINT other_positive CHECK (id > 0); TRUNCATE quiet",
            "CREATE SEQUENCE counter OWNED BY other.id",
    })
    void aReadingWithTheLogNamesWhatAReadingWithoutItNames(String script) throws SQLException {
        try (ScratchDatabase unlogged = RoundTrip.server().createDatabase(); Connection plain = unlogged.connect();
             Connection logged = database.connect()) {
            execute(plain, "CREATE TABLE quiet (id int); CREATE TABLE other (id int PRIMARY KEY)");
            dropLog(plain);
            assertThat(changedNames(logged, script)).isEqualTo(changedNames(plain, script));
        }
    }

    /** What a reading after {@code script} names, by relation name, or empty when it asks for the whole schema. */
    private static Optional<Set<String>> changedNames(Connection connection, String script) throws SQLException {
        connection.setAutoCommit(false);
        try {
            TransactionChanges.Held mark = TransactionChanges.mark(connection, null).orElseThrow();
            execute(connection, script);
            Optional<Set<Long>> changed = TransactionChanges.since(connection, mark);
            if (changed.isEmpty()) {
                return Optional.empty();
            }
            Set<String> names = new TreeSet<>();
            for (long oid : changed.get()) {
                TransactionChanges.Known known = mark.relations().get(oid);
                names.add(known != null ? known.name() : name(connection, oid));
            }
            return Optional.of(names);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private static void dropLog(Connection connection) throws SQLException {
        for (String member : new String[] {"EVENT TRIGGER schemagate_ddl_start", "EVENT TRIGGER schemagate_ddl_drop",
                "EVENT TRIGGER schemagate_ddl_end", "FUNCTION pg_catalog.schemagate_ddl_log()"}) {
            execute(connection, "ALTER EXTENSION plpgsql DROP " + member + "; DROP " + member);
        }
    }

    private static String name(Connection connection, long oid) throws SQLException {
        try (var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT relname FROM pg_class WHERE oid = " + oid)) {
            return rs.next() ? rs.getString(1) : "(gone)";
        }
    }
}
