package dev.schemagate.postgres.introspect;

import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A snapshot never writes: it works where writing is forbidden, and it leaves the connection as it found it. */
class ReadOnlyTest {

    @Test
    void snapshotsADatabaseWhereEveryTransactionIsReadOnly() throws Exception {
        try (ScratchDatabase database = RoundTrip.server().createDatabase(); Connection connection = database.connect()) {
            RoundTrip.execute(connection, "CREATE TABLE t (id integer PRIMARY KEY); CREATE VIEW v AS SELECT id FROM t");
            RoundTrip.execute(connection, "SET default_transaction_read_only = on");

            Snapshot snapshot = PostgresIntrospector.snapshot(connection, SnapshotOptions.full());

            assertThat(snapshot.tables()).hasSize(1);
            assertThat(snapshot.views()).hasSize(1);
            assertThat(connection.getAutoCommit()).isTrue();
            assertThatThrownBy(() -> RoundTrip.execute(connection, "CREATE TABLE u (id integer)"))
                    .hasMessageContaining("read-only");
        }
    }

    @Test
    void leavesTheSessionAsItFoundIt() throws Exception {
        try (ScratchDatabase database = RoundTrip.server().createDatabase(); Connection connection = database.connect()) {
            RoundTrip.execute(connection, "CREATE TABLE t (id integer)");

            PostgresIntrospector.snapshot(connection, SnapshotOptions.structureOnly());

            assertThat(setting(connection, "search_path")).isEqualTo("\"$user\", public");
            assertThat(setting(connection, "transaction_read_only")).isEqualTo("off");
            RoundTrip.execute(connection, "CREATE TABLE u (id integer)");
        }
    }

    @Test
    void refusesAConnectionInTheMiddleOfATransaction() throws Exception {
        try (ScratchDatabase database = RoundTrip.server().createDatabase(); Connection connection = database.connect()) {
            connection.setAutoCommit(false);

            assertThatThrownBy(() -> PostgresIntrospector.snapshot(connection, SnapshotOptions.full()))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private static String setting(Connection connection, String name) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
