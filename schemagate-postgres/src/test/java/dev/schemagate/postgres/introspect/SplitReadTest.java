package dev.schemagate.postgres.introspect;

import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A snapshot read over two connections is the one read over one, taken at one point in time. */
class SplitReadTest {

    private static ScratchDatabase database;

    @BeforeAll
    static void fixture() throws Exception {
        database = RoundTrip.server().createDatabase();
        try (Connection connection = database.connect()) {
            RoundTrip.createRoles(connection, FixtureRoundTripTest.ROLES);
        }
        RoundTrip.load(database, FixtureRoundTripTest.fixture("everything.sql"));
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void twoConnectionsReadTheSnapshotOneDoes() throws SQLException {
        Snapshot single;
        try (Connection connection = database.connect()) {
            single = PostgresIntrospector.snapshot(connection, SnapshotOptions.full());
        }
        AtomicInteger opened = new AtomicInteger();
        Snapshot split;
        try (Connection connection = database.connect()) {
            split = PostgresIntrospector.snapshot(connection, () -> {
                opened.incrementAndGet();
                return database.connect();
            }, SnapshotOptions.full(), 0);
            assertThat(connection.getAutoCommit()).isTrue();
        }

        assertThat(opened).hasValue(1);
        assertThat(SnapshotDifference.between(single, split)).isEmpty();
        assertThat(split).isEqualTo(single);
    }

    @Test
    void smallSchemasAreReadOverOneConnection() throws SQLException {
        AtomicInteger opened = new AtomicInteger();
        try (Connection connection = database.connect()) {
            PostgresIntrospector.snapshot(connection, () -> {
                opened.incrementAndGet();
                return database.connect();
            }, SnapshotOptions.full());
        }

        assertThat(opened).hasValue(0);
    }

    @Test
    void theSecondConnectionSeesWhatTheFirstSaw() throws SQLException {
        Snapshot split;
        try (Connection connection = database.connect()) {
            split = PostgresIntrospector.snapshot(connection, () -> {
                // committed after the first connection's snapshot began, before the second's
                try (Connection other = database.connect()) {
                    RoundTrip.execute(other, "CREATE INDEX late_index ON shop.customers (email)");
                }
                return database.connect();
            }, SnapshotOptions.full(), 0);
            RoundTrip.execute(connection, "DROP INDEX shop.late_index");
        }

        assertThat(split.table(QualifiedName.of("shop", "customers")).orElseThrow().indexes())
                .noneMatch(index -> index.name().equals("late_index"));
    }

    @Test
    void aSecondConnectionThatCannotOpenLeavesTheReadToTheFirst() throws SQLException {
        Snapshot single;
        try (Connection connection = database.connect()) {
            single = PostgresIntrospector.snapshot(connection, SnapshotOptions.full());
        }
        Snapshot split;
        try (Connection connection = database.connect()) {
            split = PostgresIntrospector.snapshot(connection, () -> {
                throw new SQLException("sorry, too many clients already");
            }, SnapshotOptions.full(), 0);
        }

        assertThat(split).isEqualTo(single);
    }
}
