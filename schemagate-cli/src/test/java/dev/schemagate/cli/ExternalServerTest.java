package dev.schemagate.cli;

import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.postgres.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --db-url}: scratch databases of its own, dropped after, and nothing else touched. */
class ExternalServerTest {

    private static final String URL = Examples.sharedServerUrl();

    @Test
    void dropsItsScratchDatabasesAndTouchesNoOther() throws SQLException {
        List<String> before = databases();

        CommandRun run = CommandRun.of("verify", Examples.example("shop"), "--db-url", URL);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("on PostgreSQL 17.");
        assertThat(databases()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aUserWithoutCreateDbGetsAClearInfrastructureError() throws SQLException {
        admin("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'no_createdb') "
                + "THEN CREATE ROLE no_createdb LOGIN PASSWORD 'hidden-pw'; END IF; END $$");
        String url = URL.replaceAll("user=postgres&password=[^&]*", "user=no_createdb&password=hidden-pw");

        CommandRun run = CommandRun.of("verify", Examples.example("shop"), "--db-url", url);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INFRASTRUCTURE);
        assertThat(run.err()).contains("user 'no_createdb' may not create databases").contains("CREATEDB")
                .doesNotContain("hidden-pw");
    }

    @Test
    void anUnreachableServerIsAnInfrastructureError() {
        CommandRun run = CommandRun.of("verify", Examples.example("shop"), "--db-url",
                "jdbc:postgresql://127.0.0.1:1/postgres?user=x&password=hidden-pw");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INFRASTRUCTURE);
        assertThat(run.err()).contains("127.0.0.1:1").doesNotContain("hidden-pw");
    }

    @Test
    void aPasswordBeforeTheHostIsNeverPrinted() {
        CommandRun run = CommandRun.of("verify", Examples.example("shop"), "--db-url",
                "jdbc:postgresql://bob:hidden-pw@127.0.0.1:1/postgres");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("@127.0.0.1:1/postgres").contains("PGPASSWORD");
        assertThat(run.toString()).doesNotContain("hidden-pw").doesNotContain("bob");
    }

    private static List<String> databases() throws SQLException {
        List<String> names = new ArrayList<>();
        try (ScratchDatabase db = TestServer.shared().createDatabase(); Connection c = db.connect();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname <> '" + db.name() + "'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static void admin(String sql) throws SQLException {
        try (ScratchDatabase db = TestServer.shared().createDatabase(); Connection c = db.connect();
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
