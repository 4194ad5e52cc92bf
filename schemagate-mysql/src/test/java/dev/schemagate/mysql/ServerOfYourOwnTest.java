package dev.schemagate.mysql;

import dev.schemagate.check.Finding;
import dev.schemagate.check.OutsideReach;
import dev.schemagate.check.StatementFailures;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.dialect.Timeouts;
import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code --db-url jdbc:mariadb://…} on a server of the user's own, here a scratch {@code mariadbd}
 * from Debian's {@code mariadb-server} package that the test installs into a folder of its own and
 * starts on 127.0.0.1 and a free port (skipped when the package is not installed). The server holds
 * a database of the user's; a run works in scratch databases of its own only, leaves the user's as
 * it was, and refuses a migration that reaches outside before anything runs. The server runs without
 * {@code performance_schema}, as MariaDB does unless told otherwise, and the lint says what that hides.
 */
class ServerOfYourOwnTest {

    private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    private static final String USER = "owner";

    private static Path folder;
    private static Process server;
    private static int port;
    private static String password;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(MARIADBD) && Files.isExecutable(INSTALL_DB),
                "Debian's mariadb-server is not installed (apt-get install mariadb-server)");
        folder = Files.createTempDirectory("schemagate-test-mariadbd-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> install = new ArrayList<>(List.of(INSTALL_DB.toString(), "--no-defaults",
                "--datadir=" + folder.resolve("data"), "--skip-test-db", "--skip-name-resolve", "--innodb-log-file-size=8M"));
        if (root) {
            install.add("--user=root");
        }
        run(install, folder.resolve("install.log"));
        password = UUID.randomUUID().toString();
        Path init = Files.writeString(folder.resolve("init.sql"), "CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';\n"
                + "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'127.0.0.1';\n"
                + "CREATE DATABASE app;\n"
                + "CREATE TABLE app.accounts (id INT PRIMARY KEY, name VARCHAR(20));\n"
                + "INSERT INTO app.accounts VALUES (1, 'alice'), (2, 'bob');\n");
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(MARIADBD.toString(), "--no-defaults", "--datadir=" + folder.resolve("data"),
                "--socket=" + folder.resolve("mysqld.sock"), "--pid-file=" + folder.resolve("mysqld.pid"),
                "--tmpdir=" + folder, "--port=" + port, "--bind-address=127.0.0.1", "--skip-name-resolve",
                "--innodb-log-file-size=8M", "--innodb-flush-log-at-trx-commit=0", "--init-file=" + init,
                "--general-log=1", "--general-log-file=" + folder.resolve("general.log"),
                // MariaDB's default, said here because a test reads what the lint makes of it
                "--performance-schema=OFF"));
        if (root) {
            command.add("--user=root");
        }
        server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(folder.resolve("server.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            try (Connection ignored = connect("app")) {
                break;
            } catch (SQLException notYet) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("mariadbd did not start: " + Files.readString(folder.resolve("server.log")), notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(log));
        }
    }

    private static Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", password);
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/" + database, properties);
    }

    /** The run's options as --db-url gives them: a server other people use. */
    private static ServerOptions dbUrl() {
        return new ServerOptions("", "jdbc:mariadb://127.0.0.1:" + port + "/app?user=" + USER + "&password=" + password,
                Timeouts.DEFAULT, true);
    }

    private VerifyResult verify() {
        return new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(dir).withDialect("mysql").withServer(dbUrl()));
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql);
    }

    private static List<String> rows(String database, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(database); ResultSet result = connection.createStatement().executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1) + (result.getMetaData().getColumnCount() > 1 ? " " + result.getString(2) : ""));
            }
        }
        return rows;
    }

    /**
     * Every database the run created or dropped, read from the server's general log, is a scratch
     * database of its own; afterwards the server holds the databases it held before, the user's
     * rows unchanged.
     */
    @Test
    void aRunWorksInScratchDatabasesOnlyAndLeavesTheUsersAsTheyWere() throws Exception {
        write("1_users.up.sql", "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL);\n");
        write("1_users.down.sql", "DROP TABLE users;\n");
        write("2_index.up.sql", "CREATE UNIQUE INDEX users_email ON users (email);\n");
        write("2_index.down.sql", "DROP INDEX users_email ON users;\n");
        List<String> before = rows("app", "show databases");
        int logged = databaseStatements().size();

        VerifyResult result = verify();

        assertThat(result.applied()).isEqualTo(2);
        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain(StatementFailures.FAILED);
        String version = rows("app", "select version()").get(0);
        assertThat(result.server()).isEqualTo("MariaDB " + version.substring(0, version.indexOf('-')) + " at 127.0.0.1:" + port);
        List<String> touched = databaseStatements();
        assertThat(touched.subList(logged, touched.size())).isNotEmpty()
                .allMatch(line -> line.matches(".*(create|drop) database (if exists )?`schemagate_\\d+_[a-z0-9]+_\\d+`.*"));
        assertThat(rows("app", "show databases")).containsExactlyInAnyOrderElementsOf(before);
        assertThat(rows("app", "select id, name from accounts order by id")).containsExactly("1 alice", "2 bob");
    }

    /**
     * Without {@code performance_schema} the server cannot say how long an ALTER held its metadata
     * locks: the lint's evidence says they were not observed, why, and how to start the server so
     * they are; what it did observe (how the ALTER ran, the copy) stands, and no lock is claimed.
     */
    @Test
    void withoutPerformanceSchemaTheLocksAreSaidToBeUnobservedAndHowToObserveThem() throws Exception {
        write("1_orders.up.sql", "CREATE TABLE orders (id INT PRIMARY KEY, total INT);\n");
        write("1_orders.down.sql", "DROP TABLE orders;\n");
        write("2_total.up.sql", "ALTER TABLE orders MODIFY total BIGINT;\n");
        write("2_total.down.sql", "ALTER TABLE orders MODIFY total INT;\n");
        assertThat(rows("app", "select @@performance_schema")).containsExactly("0");

        VerifyResult result = new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(dir).withDialect("mysql")
                .withServer(dbUrl()).withChecks(EnumSet.of(CheckName.LINT)));

        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("lint.mysql-change-column-type")).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.location().line()).isEqualTo(1);
                    assertThat(finding.evidence())
                            .anyMatch(line -> line.startsWith("observed: ran ALGORITHM=COPY") && line.contains("copied 20 rows"))
                            .contains("observed: metadata locks not observed: performance_schema is off on this server; it is"
                                    + " turned on only at start: start the server with --performance-schema=ON"
                                    + " --performance-schema-instrument='stage/%=ON' --performance-schema-consumer-events-stages-current=ON"
                                    + " --performance-schema-consumer-events-stages-history=ON"
                                    + " --performance-schema-consumer-events-statements-current=ON")
                            .noneMatch(line -> line.startsWith("observed: held "))
                            .noneMatch(line -> line.contains("outside a transaction"));
                });
    }

    /** The lines of the server's general log that create or drop a database, in order. */
    private static List<String> databaseStatements() throws IOException {
        try (Stream<String> lines = Files.lines(folder.resolve("general.log"))) {
            return lines.map(line -> line.toLowerCase(Locale.ROOT))
                    .filter(line -> line.matches(".*\\b(create|drop) (database|schema)\\b.*")).toList();
        }
    }

    /** A migration that would drop the user's database is refused before any migration runs, and the database stays. */
    @Test
    void aMigrationReachingTheUsersDatabaseIsRefusedBeforeAnythingRuns() throws Exception {
        write("1_a.up.sql", "CREATE TABLE a (id INT PRIMARY KEY);\n");
        write("1_a.down.sql", "DROP TABLE a;\n");
        write("2_cleanup.up.sql", "DROP DATABASE app;\n");
        write("3_grant.up.sql", "GRANT ALL ON *.* TO 'someone'@'%';\n");

        VerifyResult result = verify();

        assertThat(result.applied()).isZero();
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals(OutsideReach.RULE))
                .extracting(f -> f.location().file().getFileName().toString())
                .containsExactlyInAnyOrder("2_cleanup.up.sql", "3_grant.up.sql");
        assertThat(rows("app", "select id, name from accounts order by id")).containsExactly("1 alice", "2 bob");
        assertThat(rows("mysql", "select user, host from mysql.user where user = 'someone'")).isEmpty();
    }
}
