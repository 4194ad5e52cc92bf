package dev.schemagate.postgres.introspect;

import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each recorded property, changed alone, changes the snapshot, and only under the object that was
 * changed. The cases ({@code exactness-cases.txt}) run on one database, each in a transaction that is
 * rolled back, so they cost no database creation.
 */
class ExactnessTest {

    private static ScratchDatabase database;
    private static Connection connection;
    private static String base;
    private static Snapshot baseSnapshot;

    @BeforeAll
    static void baseSnapshot() throws Exception {
        database = RoundTrip.server().createDatabase();
        connection = database.connect();
        RoundTrip.createRoles(connection, FixtureRoundTripTest.ROLES);
        connection.setAutoCommit(false);
        base = FixtureRoundTripTest.fixture("exactness-base.sql");
        baseSnapshot = snapshotAfter("");
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
        database.close();
    }

    private static Snapshot snapshotAfter(String change) throws SQLException {
        try {
            RoundTrip.execute(connection, base);
            if (!change.isEmpty()) {
                RoundTrip.execute(connection, change);
            }
            return PostgresIntrospector.readInTransaction(connection, SnapshotOptions.full());
        } finally {
            connection.rollback();
        }
    }

    static List<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String block : FixtureRoundTripTest.fixture("exactness-cases.txt").split("\n\\s*\n")) {
            List<String> lines = Arrays.stream(block.split("\n")).filter(line -> !line.startsWith("#")).toList();
            if (!lines.isEmpty()) {
                String[] heading = lines.get(0).split("\\s*\\|\\s*");
                cases.add(Arguments.of(heading[0], List.of(heading[1].split("\\s+")),
                        String.join("\n", lines.subList(1, lines.size()))));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void changingOnePropertyChangesTheSnapshotThere(String name, List<String> where, String change) throws Exception {
        Snapshot changed = snapshotAfter(change);

        List<String> differences = SnapshotDifference.between(baseSnapshot, changed);
        assertThat(differences).as(name).isNotEmpty()
                .allSatisfy(difference -> assertThat(where).as(difference).anySatisfy(
                        prefix -> assertThat(difference).startsWith(prefix)));
    }

    @Test
    void theSameSchemaGivesAnEqualSnapshot() throws Exception {
        assertThat(snapshotAfter("")).isEqualTo(baseSnapshot);
    }

    @Test
    void exactnessCasesCoverManyProperties() throws IOException {
        assertThat(cases()).hasSizeGreaterThan(100);
    }
}
