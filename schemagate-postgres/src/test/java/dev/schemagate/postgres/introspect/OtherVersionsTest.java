package dev.schemagate.postgres.introspect;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.postgres.PostgresDialect;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * The round trip, and the change tracker, on other PostgreSQL majors than the test server's. Each major is a server to
 * download and start, so it runs only for the majors named in {@code -Dschemagate.versions=13,15}.
 */
class OtherVersionsTest {

    static List<String> versions() {
        String versions = System.getProperty("schemagate.versions", "");
        return versions.isBlank() ? List.of("none") : Arrays.stream(versions.split(",")).map(String::strip).toList();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("versions")
    void roundTripOnOtherMajors(String version) throws Exception {
        Assumptions.assumeFalse(version.equals("none"), "no -Dschemagate.versions: other PostgreSQL majors not tested");
        try (DatabaseServer server = new PostgresDialect().start(ServerOptions.embedded(version))) {
            try (var database = server.createDatabase(); Connection connection = database.connect()) {
                RoundTrip.createRoles(connection, FixtureRoundTripTest.ROLES);
            }
            RoundTrip.check(server, "exactness-base on " + version, FixtureRoundTripTest.fixture("exactness-base.sql"));
            if (Integer.parseInt(version) >= 15) {
                RoundTrip.check(server, "everything on " + version, FixtureRoundTripTest.fixture("everything.sql"));
            }
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("versions")
    void changesAreTrackedOnOtherMajors(String version) throws Exception {
        Assumptions.assumeFalse(version.equals("none"), "no -Dschemagate.versions: other PostgreSQL majors not tested");
        try (DatabaseServer server = new PostgresDialect().start(ServerOptions.embedded(version));
             var database = server.createDatabase(); Connection connection = database.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(ChangeTrackerTest.SCHEMA);
            }
            for (String script : ChangeTrackerTest.scripts()) {
                ChangeTrackerTest.assertTracked(connection, script);
            }
        }
    }
}
