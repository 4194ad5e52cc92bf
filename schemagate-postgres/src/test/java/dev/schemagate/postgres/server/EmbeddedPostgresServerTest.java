package dev.schemagate.postgres.server;

import dev.schemagate.dialect.Niceness;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.postgres.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EmbeddedPostgresServerTest {

    @Test
    void scratchDatabasesAreIsolatedAndClonesCopyTheirTemplate() throws SQLException {
        try (ScratchDatabase template = TestServer.shared().createDatabase()) {
            execute(template, "CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1), (2)");
            try (ScratchDatabase clone = TestServer.shared().cloneDatabase(template);
                 ScratchDatabase empty = TestServer.shared().createDatabase()) {
                assertThat(query(clone, "SELECT count(*) FROM t")).isEqualTo("2");
                assertThat(query(empty, "SELECT count(*) FROM pg_class WHERE relname = 't'")).isEqualTo("0");
                assertThat(clone.name()).isNotEqualTo(template.name());
            }
        }
    }

    @Test
    void theServerProcessOfOneConnectionIsLoweredInPriorityAndNoOther() throws SQLException, IOException {
        assumeTrue(Niceness.lowerable(), "Linux with renice");
        try (ScratchDatabase db = TestServer.shared().createDatabase(); Connection lowered = db.connect();
             Connection other = db.connect()) {
            int before = Niceness.of(backend(other));
            db.lowerPriority(lowered);
            assertThat(Niceness.of(backend(lowered))).isEqualTo(Math.max(before, 10));
            assertThat(Niceness.of(backend(other))).isEqualTo(before);
        }
    }

    private static long backend(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void closingADatabaseDropsIt() throws SQLException {
        ScratchDatabase db = TestServer.shared().createDatabase();
        String name = db.name();
        db.close();
        try (ScratchDatabase other = TestServer.shared().createDatabase()) {
            assertThat(query(other, "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")).isEqualTo("0");
        }
    }

    @Test
    void reportsItsVersionAndRunsWithDurabilityOff() throws SQLException {
        assertThat(TestServer.shared().version()).startsWith("17.");
        assertThat(TestServer.shared().description()).startsWith("embedded PostgreSQL 17.");
        try (ScratchDatabase db = TestServer.shared().createDatabase()) {
            assertThat(query(db, "SHOW fsync")).isEqualTo("off");
            // the cluster each run copies holds a WAL segment of 1 MB, not PostgreSQL's default 16
            assertThat(query(db, "SHOW wal_segment_size")).isEqualTo("1MB");
            assertThat(query(db, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).isEqualTo("t");
        }
    }

    @Test
    void aSecondServerRunsBesideTheFirstAndLeavesNothingBehindWhenClosed() throws Exception {
        EmbeddedPostgresServer second = EmbeddedPostgresServer.start("17");
        Path runDirectory = second.runDirectory();
        assertThat(runDirectory.resolve("data/PG_VERSION")).exists();
        long postmaster;
        try (ScratchDatabase db = second.createDatabase()) {
            assertThat(query(db, "SELECT 1")).isEqualTo("1");
            postmaster = Long.parseLong(query(db, "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'"));
        } finally {
            second.close();
        }
        assertThat(runDirectory).doesNotExist();
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void runsLiveInSharedMemoryWhenItIsARoomyTmpfsAndNoFolderWasChosen() {
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "schemagate-test");
        assertThat(RunDirectories.root(work, true, false)).isEqualTo(work.resolve("runs"));
        Path memory = Path.of("/dev/shm/schemagate-test/runs");
        assertThat(RunDirectories.root(work, false, false))
                .isEqualTo(RunDirectories.inMemory(Path.of("/dev/shm")) ? memory : work.resolve("runs"));
        assertThat(RunDirectories.roots(work)).containsExactly(work.resolve("runs"), memory);
    }

    @Test
    void onlyThisRunsRandomPasswordOpensTheServer() throws SQLException {
        try (ScratchDatabase db = TestServer.shared().createDatabase()) {
            assertThat(db.password()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(query(db, "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method = 'trust'")).isEqualTo("0");
            assertThat(query(db, "SELECT string_agg(DISTINCT auth_method, ',') FROM pg_hba_file_rules")).isEqualTo("scram-sha-256");
            assertThat(query(db, "SHOW unix_socket_directories")).isEmpty();
            // one SCRAM round: the password is random, so rounds against guessing would only slow each connection
            assertThat(query(db, "SELECT split_part(rolpassword, ':', 1) FROM pg_authid WHERE rolname = current_user"))
                    .isEqualTo("SCRAM-SHA-256$1");
            assertThat(query(db, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
            Properties noPassword = new Properties();
            noPassword.setProperty("user", db.username());
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), noPassword).close())
                    .isInstanceOf(SQLException.class);
            noPassword.setProperty("password", db.password() + "x");
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), noPassword).close())
                    .hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void dynamicSharedMemoryLivesInTheDataFolderSoARemovedFolderFreesIt() throws SQLException {
        try (ScratchDatabase db = TestServer.shared().createDatabase()) {
            assertThat(query(db, "SHOW dynamic_shared_memory_type")).isEqualTo("mmap");
        }
    }

    @Test
    void theRunFolderAndTheCacheAreThisUsersAlone() throws Exception {
        EmbeddedPostgresServer server = (EmbeddedPostgresServer) TestServer.shared();
        Path run = server.runDirectory();
        int me = PrivateFolders.currentUid();
        int owner = (Integer) Files.getAttribute(run.resolve("data"), "unix:uid");
        assertThat(mode(run.resolve("data")) & 077).isZero();
        assertThat(mode(EmbeddedPostgresServer.workRoot()) & 066).isZero();
        assertThat(mode(run.getParent()) & 066).isZero();
        if (me == 0) {
            // a root run hands its server to a user id of its own, neither root nor the shared nobody
            assertThat(owner).isNotIn(0, 65534);
            assertThat(mode(run) & 077).isZero();
        } else {
            assertThat(owner).isEqualTo(me);
        }
    }

    private static int mode(Path path) throws java.io.IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void anUnknownMajorVersionIsAnInputError() {
        assertThatThrownBy(() -> EmbeddedPostgresServer.start("9"))
                .hasMessageContaining("PostgreSQL 9 is not supported")
                .hasMessageContaining("--pg-version");
    }

    static void execute(ScratchDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String query(ScratchDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
