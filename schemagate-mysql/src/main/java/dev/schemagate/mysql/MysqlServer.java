package dev.schemagate.mysql;

import dev.schemagate.dialect.ScratchNames;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.SessionSettings;
import dev.schemagate.dialect.Timeouts;
import dev.schemagate.migration.InputException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A MySQL or MariaDB server Schemagate makes scratch databases on: each is a database of its own
 * ({@code CREATE DATABASE}), reached with the server's one set of credentials; closing the server
 * drops every scratch database it made. A clone is made by {@link SchemaCopy}, since MySQL has no
 * {@code CREATE DATABASE … TEMPLATE}.
 */
class MysqlServer implements DatabaseServer {

    private final ServerAddress address;
    private final Timeouts timeouts;
    private final SessionSettings session;
    private final ScratchNames names = new ScratchNames();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final String version;
    private final String description;

    MysqlServer(ServerAddress address, Timeouts timeouts, SessionSettings session, boolean embedded) {
        this.address = address;
        this.timeouts = timeouts;
        this.session = session;
        this.version = admin(statement -> {
            try (ResultSet rows = statement.executeQuery("select version()")) {
                rows.next();
                String version = rows.getString(1);
                makeSession(statement);
                return version;
            }
        });
        this.description = describe(version, embedded ? null : address.hostAndPort());
    }

    /**
     * {@code MariaDB 10.11.19 at host:3306} from {@code 10.11.19-MariaDB-0+deb12u1-log}, {@code MySQL 8.0.36 at
     * host:3306} from {@code 8.0.36}, {@code embedded MariaDB 11.4.5} when {@code hostAndPort} is null: the
     * product is told from the version the server reports, whichever URL scheme named it.
     */
    static String describe(String version, String hostAndPort) {
        int dash = version.indexOf('-');
        String number = dash < 0 ? version : version.substring(0, dash);
        String product = version.toLowerCase(Locale.ROOT).contains("mariadb") ? "MariaDB" : "MySQL";
        return hostAndPort == null ? "embedded " + product + " " + number : product + " " + number + " at " + hostAndPort;
    }

    ServerAddress address() {
        return address;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String version() {
        return version;
    }

    /** Whether the server is MariaDB rather than MySQL. */
    boolean mariadb() {
        return version.toLowerCase().contains("mariadb");
    }

    @Override
    public ScratchDatabase createDatabase() {
        String name = names.next();
        admin(statement -> {
            // the runner's settings choose the database's defaults too (collation_server, character_set_server)
            makeSession(statement);
            return statement.execute("create database `" + name + "`");
        });
        created.add(name);
        return new MysqlScratchDatabase(this, name);
    }

    @Override
    public ScratchDatabase cloneDatabase(ScratchDatabase template) {
        MysqlScratchDatabase copy = (MysqlScratchDatabase) createDatabase();
        try (Connection from = connect(template.name()); Connection to = connect(copy.name())) {
            SchemaCopy.copy(from, to, mariadb());
        } catch (SQLException e) {
            copy.close();
            throw new InfrastructureException("could not copy scratch database " + template.name() + ": " + e.getMessage(), e);
        }
        return copy;
    }

    /** A connection to one database of the server, with the run's limits on statements and lock waits. */
    Connection connect(String database) throws SQLException {
        Connection connection = DriverManager.getConnection(address.url(database), address.properties());
        try (Statement statement = connection.createStatement()) {
            long lock = timeouts.lock().toSeconds();
            if (lock > 0) {
                statement.execute("set session lock_wait_timeout = " + lock + ", innodb_lock_wait_timeout = " + lock);
            }
            long limit = timeouts.statement().toMillis();
            if (limit > 0) {
                statement.execute(mariadb() || version == null
                        ? "set session max_statement_time = " + limit / 1000.0
                        : "set session max_execution_time = " + limit);
            }
        } catch (SQLException unsupported) {
            // an older server without these settings runs without the limits
        }
        try (Statement statement = connection.createStatement()) {
            makeSession(statement);
        } catch (RuntimeException | SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /**
     * Makes the run's session settings; one the server refuses is the user's to fix, named with
     * what the server said.
     */
    private void makeSession(Statement statement) {
        for (Map.Entry<String, String> setting : session.values().entrySet()) {
            String sql = "set session " + setting.getKey() + " = " + literal(setting.getValue());
            try {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new InputException("the session setting " + setting.getKey() + " = " + setting.getValue()
                        + " was refused by the server: " + ServerMessage.of(e)
                        + " (fix session: in schemagate.yml or --session)", e);
            }
        }
    }

    /** A number as it is, anything else as a quoted string ({@code 'ON'}, {@code '+00:00'}). */
    private static String literal(String value) {
        return value.matches("-?\\d+(\\.\\d+)?") ? value
                : "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * Drops the scratch databases that killed runs left on the server more than {@code age} ago and
     * that no connection uses; their names say when their run started ({@link ScratchNames}).
     */
    void dropStale(Duration age) {
        Instant before = Instant.now().minus(age);
        List<String> stale = admin(statement -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select schema_name from information_schema.schemata"
                    + " where schema_name like 'schemagate\\_%' and schema_name not in"
                    + " (select db from information_schema.processlist where db is not null)")) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    if (ScratchNames.startOf(name).filter(start -> start.isBefore(before)).isPresent()) {
                        names.add(name);
                    }
                }
            }
            return names;
        });
        for (String name : stale) {
            admin(statement -> statement.execute("drop database if exists `" + name + "`"));
        }
        if (!stale.isEmpty()) {
            System.err.println("schemagate: dropped " + stale.size() + " scratch database" + (stale.size() == 1 ? "" : "s")
                    + " that killed runs left on " + address.hostAndPort() + " more than " + age.toHours() + " h ago");
        }
    }

    /** Drops one scratch database. */
    void drop(String name) {
        admin(statement -> statement.execute("drop database if exists `" + name + "`"));
        created.remove(name);
    }

    /** Drops every scratch database the server still holds of this run. */
    void dropAll() {
        for (String name : List.copyOf(created)) {
            try {
                drop(name);
            } catch (InfrastructureException e) {
                System.err.println("schemagate: could not drop scratch database " + name + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        dropAll();
    }

    /** Work on the server outside any scratch database. */
    <T> T admin(SqlWork<T> work) {
        try (Connection connection = DriverManager.getConnection(address.url(""), address.properties());
             Statement statement = connection.createStatement()) {
            return work.run(statement);
        } catch (SQLException e) {
            throw new InfrastructureException(address.describe(e), e);
        }
    }

    /** One piece of work on an admin connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Statement statement) throws SQLException;
    }

    Properties properties() {
        return address.properties();
    }
}
