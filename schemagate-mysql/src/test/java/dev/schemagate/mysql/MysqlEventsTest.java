package dev.schemagate.mysql;

import dev.schemagate.check.Finding;
import dev.schemagate.check.ReversibilityFindings;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.diff.SnapshotComparison;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.model.dialect.MysqlEvent;
import dev.schemagate.model.dialect.MysqlObjects;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled events: read into the model's own MySQL home, a default {@code STARTS} compared as the
 * default it is, carried by a copy, watched by the reversibility check, and never fired on the
 * embedded server.
 */
class MysqlEventsTest {

    private static final String EVENTS = """
            CREATE TABLE t (a INT);
            CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO DELETE FROM t;
            CREATE EVENT later ON SCHEDULE EVERY '1:30' HOUR_MINUTE STARTS '2030-01-01 00:00:00' ENDS '2031-01-01'
              ON COMPLETION PRESERVE DISABLE COMMENT 'it''s later' DO BEGIN INSERT INTO t VALUES (2); DELETE FROM t; END;
            CREATE EVENT once ON SCHEDULE AT '2037-01-01 10:00:00' DISABLE ON SLAVE DO DELETE FROM t;
            """;

    private static final Dialect MYSQL = Dialects.byId("mysql");

    private static final EmbeddedMariaDb server = MysqlTestServer.shared();

    @TempDir
    Path dir;

    private static Snapshot built(String sql) throws SQLException {
        try (ScratchDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            MYSQL.executeScript(connection, sql);
            return MysqlIntrospector.snapshot(connection);
        }
    }

    @Test
    void anEventReadsItsScheduleCompletionStatusCommentAndBodyWithoutTheDefiner() throws SQLException {
        Snapshot snapshot = built(EVENTS);

        assertThat(snapshot.mysql().events()).containsExactly(
                new MysqlEvent("later", null, "'1:30' HOUR_MINUTE", "2030-01-01 00:00:00", "2031-01-01 00:00:00", true,
                        "DISABLE", "it's later", "BEGIN INSERT INTO t VALUES (2); DELETE FROM t; END"),
                new MysqlEvent("nightly", null, "1 DAY", null, null, false, "ENABLE", null, "DELETE FROM t"),
                new MysqlEvent("once", "2037-01-01 10:00:00", null, null, null, false, "DISABLE ON SLAVE", null, "DELETE FROM t"));
        assertThat(SnapshotJson.fromJson(SnapshotJson.toJson(snapshot))).isEqualTo(snapshot);
    }

    @Test
    void theSameEventCreatedASecondLaterComparesEqualButAnExplicitStartDoesNot() throws Exception {
        String event = "CREATE TABLE t (a INT); CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO DELETE FROM t;";
        Snapshot first = built(event);
        Thread.sleep(1_100);
        Snapshot second = built(event);
        Snapshot started = built(event.replace("1 DAY", "1 DAY STARTS '2030-01-01 03:00:00'"));

        assertThat(SnapshotComparison.compare(first, second)).isEmpty();
        assertThat(SnapshotComparison.compare(first, started)).singleElement().satisfies(difference -> {
            assertThat(difference.path()).isEqualTo("mysql event nightly");
            assertThat(difference.field()).isEqualTo("starts");
            assertThat(difference.target()).isEqualTo("2030-01-01 03:00:00");
        });
    }

    @Test
    void aDatabaseWithoutEventsHasNoneAndItsJsonSaysNothingOfThem() throws SQLException {
        Snapshot snapshot = built("CREATE TABLE t (a INT)");

        assertThat(snapshot.mysql()).isEqualTo(MysqlObjects.NONE);
        assertThat(SnapshotJson.toJson(snapshot)).doesNotContain("\"events\"");
        assertThat(SnapshotJson.toJson(built("CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1"))).contains("\"events\"");
    }

    @Test
    void aCopyCarriesEveryEventAsItIs() throws SQLException {
        try (ScratchDatabase database = server.createDatabase()) {
            Snapshot original;
            try (Connection connection = database.connect()) {
                MYSQL.executeScript(connection, EVENTS);
                original = MysqlIntrospector.snapshot(connection);
            }
            try (ScratchDatabase copy = server.cloneDatabase(database); Connection connection = copy.connect()) {
                assertThat(SnapshotComparison.compare(original, MysqlIntrospector.snapshot(connection))).isEmpty();
            }
        }
    }

    @Test
    void theEmbeddedServersSchedulerIsOffSoNoEventFires() throws Exception {
        try (ScratchDatabase database = server.createDatabase(); Connection connection = database.connect();
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE t (a INT)");
            sql.execute("CREATE EVENT soon ON SCHEDULE EVERY 1 SECOND DO INSERT INTO t VALUES (1)");
            Thread.sleep(2_100);
            try (ResultSet result = sql.executeQuery("select @@global.event_scheduler, (select count(*) from t)")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo("OFF");
                assertThat(result.getInt(2)).isZero();
            }
        }
    }

    private VerifyResult verify() {
        return new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(dir).withDialect("mysql")
                .withServer(MysqlVerifyTest.serverOptions(server)));
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql);
    }

    @Test
    void aHistoryThatCreatesAltersAndDropsEventsCyclesOnCopies() throws IOException {
        write("1_t.up.sql", "CREATE TABLE t (a INT);\nCREATE EVENT cleanup ON SCHEDULE EVERY 1 DAY DO DELETE FROM t;\n");
        write("1_t.down.sql", "DROP EVENT cleanup;\nDROP TABLE t;\n");
        write("2_hourly.up.sql", "ALTER EVENT cleanup ON SCHEDULE EVERY 1 HOUR COMMENT 'hourly';\n");
        write("2_hourly.down.sql", "ALTER EVENT cleanup ON SCHEDULE EVERY 1 DAY COMMENT '';\n");

        VerifyResult result = verify();

        assertThat(result.findings()).as(result.findings().toString()).extracting(Finding::ruleId).isEmpty();
        assertThat(result.runs()).extracting(MigrationRun::reversal).containsOnly(MigrationRun.Reversal.REVERSED);
    }

    @Test
    void aDownThatLosesOrChangesAnEventIsNotRestored() throws IOException {
        write("1_t.up.sql", "CREATE TABLE t (a INT);\nCREATE EVENT cleanup ON SCHEDULE EVERY 1 DAY DO DELETE FROM t;\n");
        write("1_t.down.sql", "DROP EVENT cleanup;\nDROP TABLE t;\n");
        write("2_hourly.up.sql", "ALTER EVENT cleanup ON SCHEDULE EVERY 1 HOUR;\n"
                + "CREATE EVENT tidy ON SCHEDULE EVERY 1 WEEK DO DELETE FROM t;\n");
        write("2_hourly.down.sql", "ALTER EVENT cleanup ON SCHEDULE EVERY 2 DAY;\nDROP EVENT tidy;\n");
        write("3_gone.up.sql", "DROP EVENT tidy;\n");
        write("3_gone.down.sql", "SELECT 1;\n");

        VerifyResult result = verify();

        assertThat(result.findings()).as(result.findings().toString())
                .filteredOn(f -> f.ruleId().equals(ReversibilityFindings.NOT_RESTORED))
                .extracting(f -> f.location().file().getFileName().toString())
                .containsExactlyInAnyOrder("2_hourly.down.sql", "3_gone.down.sql");
        assertThat(result.findings()).filteredOn(f -> f.location().file().getFileName().toString().equals("2_hourly.down.sql"))
                .singleElement().satisfies(f -> assertThat(f.evidence()).anyMatch(line -> line.contains("mysql event cleanup")));
        assertThat(result.findings()).filteredOn(f -> f.location().file().getFileName().toString().equals("3_gone.down.sql"))
                .singleElement().satisfies(f -> assertThat(f.evidence()).anyMatch(line -> line.contains("tidy")));
    }
}
