package dev.schemagate.postgres.server;

import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.Timeouts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.schemagate.postgres.server.EmbeddedPostgresServerTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The prepared clusters, made by a real initdb in a cache of the test's own and started for real. */
class ClusterCacheTest {

    private static final String MAJOR = "17";

    @TempDir
    Path temp;

    private Path clusters;

    @BeforeEach
    void privateCache() throws IOException {
        boolean root = ServerProcess.isRoot();
        // a root run's initdb runs as nobody, which must pass through to its scratch folder
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(root ? "rwx--x--x" : "rwx------"));
        clusters = PrivateFolders.ensure(temp.resolve("clusters"), root);
    }

    @Test
    void theFirstRunMakesTheClusterAndEveryRunGetsItsOwnPassword() throws Exception {
        ClusterCache cache = cache();
        try (EmbeddedPostgresServer server = start(cache)) {
            PreparedCluster cluster = cache.ready();
            assertThat(PreparedCluster.complete(cache.home())).isTrue();
            assertThat(mode(cache.home()) & 077).isZero();
            assertThat(mode(cache.home().resolve("password"))).isEqualTo(0600);
            try (ScratchDatabase db = server.createDatabase()) {
                assertThat(query(db, "SELECT 1")).isEqualTo("1");
                assertThat(query(db, "SELECT split_part(rolpassword, ':', 1) FROM pg_authid WHERE rolname = current_user"))
                        .isEqualTo("SCRAM-SHA-256$1");
                assertThat(db.password()).isNotEqualTo(cluster.password());
                Properties clusterPassword = new Properties();
                clusterPassword.setProperty("user", db.username());
                clusterPassword.setProperty("password", cluster.password());
                assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), clusterPassword).close())
                        .hasMessageContaining("password authentication failed");
            }
        }
        assertThat(siblings(cache)).containsExactly(cache.home().getFileName().toString(), cache.home().getFileName() + ".lock");
    }

    @Test
    void concurrentFirstRunsInSeveralProcessesMakeOneClusterAndAllStart() throws Exception {
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ClusterCacheRun.class.getName(), clusters.toString(), MAJOR)
                    .redirectErrorStream(true).start());
        }
        for (Process run : runs) {
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = new String(run.getInputStream().readAllBytes());
            assertThat(run.exitValue()).as(output).isZero();
            assertThat(output).contains("server_version 17.");
        }
        ClusterCache cache = cache();
        assertThat(siblings(cache)).containsExactly(cache.home().getFileName().toString(), cache.home().getFileName() + ".lock");
    }

    @Test
    void aClusterThatLostOrChangedAFileIsMadeAnew() throws Exception {
        ClusterCache cache = cache();
        PreparedCluster first = cache.ready();
        Path control = cache.home().resolve("data/global/pg_control");
        Files.delete(control);
        startAndQuery(cache);
        assertThat(control).exists();
        assertThat(first.isAt(cache.home())).isFalse();

        PreparedCluster second = cache.ready();
        Path version = cache.home().resolve("data/PG_VERSION");
        Files.writeString(version, "17\n\n");
        startAndQuery(cache);
        assertThat(second.isAt(cache.home())).isFalse();
        assertThat(Files.readString(version)).isEqualTo("17\n");
    }

    @Test
    void aHalfMadeClusterAndTheScratchOfAKilledMakingAreReplaced() throws Exception {
        ClusterCache cache = cache();
        Files.createDirectories(cache.home().resolve("data/base"));
        Path scratch = Files.createDirectories(cache.home().resolveSibling(cache.home().getFileName() + ".12345/data"));
        startAndQuery(cache);
        assertThat(PreparedCluster.complete(cache.home())).isTrue();
        assertThat(scratch.getParent()).doesNotExist();
    }

    @Test
    void aClusterOfAnotherVersionIsNeverStarted() throws Exception {
        ClusterCache cache = cache();
        PreparedCluster made = cache.ready();
        Files.writeString(cache.home().resolve("data/PG_VERSION"), "16\n");
        PreparedCluster again = cache.ready();
        assertThat(made.isAt(cache.home())).isFalse();
        assertThat(again.major()).isEqualTo(17);
        assertThat(cache.home().getFileName().toString()).startsWith("pg-" + fullVersion() + "-");
    }

    @Test
    void aClusterWhoseDataFolderOthersMayEnterIsMadeAnew() throws Exception {
        ClusterCache cache = cache();
        PreparedCluster made = cache.ready();
        Files.setPosixFilePermissions(cache.home().resolve("data"), PosixFilePermissions.fromString("rwxr-xr-x"));
        startAndQuery(cache);
        assertThat(made.isAt(cache.home())).isFalse();
        assertThat(mode(cache.home().resolve("data"))).isEqualTo(0700);
    }

    @Test
    void aDataFolderOthersMayWriteIsRefused() throws Exception {
        ClusterCache cache = cache();
        cache.ready();
        Path data = cache.home().resolve("data");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx-w--w-"));
        assertThatThrownBy(() -> start(cache).close())
                .isInstanceOf(InfrastructureException.class)
                .hasMessageContaining(data + " is owned by uid")
                .hasMessageContaining("mode 0722");
    }

    @Test
    void aClusterWhosePasswordOthersMayReadIsMadeAnew() throws Exception {
        ClusterCache cache = cache();
        PreparedCluster made = cache.ready();
        Files.setPosixFilePermissions(cache.home().resolve("password"), PosixFilePermissions.fromString("rw-r--r--"));
        startAndQuery(cache);
        assertThat(made.isAt(cache.home())).isFalse();
        assertThat(mode(cache.home().resolve("password"))).isEqualTo(0600);
    }

    @Test
    void aClusterDataFolderAnotherUserOwnsIsRefused() throws Exception {
        assumeTrue(ServerProcess.isRoot(), "only root can give a folder to another user");
        ClusterCache cache = cache();
        cache.ready();
        Path data = cache.home().resolve("data");
        Files.setAttribute(data, "unix:uid", 54321);
        assertThatThrownBy(() -> start(cache).close())
                .hasMessageContaining(data + " is owned by uid 54321");
    }

    private void startAndQuery(ClusterCache cache) throws SQLException {
        try (EmbeddedPostgresServer server = start(cache); ScratchDatabase db = server.createDatabase()) {
            assertThat(query(db, "SELECT count(*) > 0 FROM pg_class")).isEqualTo("t");
        }
    }

    private ClusterCache cache() {
        return cacheIn(clusters, MAJOR);
    }

    static ClusterCache cacheIn(Path clusters, String major) {
        return new ClusterCache(clusters, PostgresBinaries.standard().fullVersion(major), installation(major));
    }

    private static String fullVersion() {
        return PostgresBinaries.standard().fullVersion(MAJOR);
    }

    static EmbeddedPostgresServer start(ClusterCache cache) {
        boolean root = ServerProcess.isRoot();
        Path work = PrivateFolders.ensure(EmbeddedPostgresServer.workRoot(), root);
        return EmbeddedPostgresServer.start(PostgresBinaries.standard().fullVersion(MAJOR), installation(MAJOR), cache,
                RunDirectories.root(work, false, root), Timeouts.DEFAULT);
    }

    private static BinaryInstallation installation(String major) {
        boolean root = ServerProcess.isRoot();
        Path work = PrivateFolders.ensure(EmbeddedPostgresServer.workRoot(), root);
        return BinaryInstallation.of(PostgresBinaries.standard().fullVersion(major),
                PrivateFolders.ensure(work.resolve("binaries"), root), PostgresBinaries.standard());
    }

    private List<String> siblings(ClusterCache cache) throws IOException {
        try (Stream<Path> entries = Files.list(cache.home().getParent())) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }
}
