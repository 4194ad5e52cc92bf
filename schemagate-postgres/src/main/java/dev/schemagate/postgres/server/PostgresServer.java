package dev.schemagate.postgres.server;

import dev.schemagate.dialect.ConnectionSource;
import dev.schemagate.dialect.ScratchNames;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.Timeouts;
import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every PostgreSQL server Schemagate uses has in common, embedded or external: it creates
 * scratch databases with names of its own, clones them as templates, and on close drops exactly
 * the databases it created and no other.
 */
abstract class PostgresServer implements DatabaseServer {

    private static final Driver DRIVER = new Driver();
    private static final String NO_SUCH_DATABASE = "3D000";

    private final ScratchNames names = new ScratchNames();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Timeouts timeouts;
    private volatile String version;

    PostgresServer(Timeouts timeouts) {
        this.timeouts = timeouts;
    }

    /** The JDBC URL of a database on this server, without credentials. */
    abstract String urlOf(String database);

    /** What follows the template in every CREATE DATABASE: empty, or a strategy this server copies faster with. */
    String createOptions() {
        return "";
    }

    /** Lowers the priority of the server's process for {@code connection} where this run started it; here nothing. */
    void lowerPriority(Connection connection) throws SQLException {
    }

    /** The database Schemagate connects to for administration (creating and dropping). */
    abstract String maintenanceDatabase();

    /** The driver properties of every connection: user, password, SSL settings. */
    abstract Properties properties();

    final String user() {
        return properties().getProperty("user");
    }

    final String password() {
        return properties().getProperty("password");
    }

    final Connection connect(String database) throws SQLException {
        return connect(database, new Properties());
    }

    /** A connection to a scratch database, its statements bounded by the run's timeouts. */
    final Connection connectScratch(String database) throws SQLException {
        Properties limits = new Properties();
        limits.setProperty("options", "-c statement_timeout=" + timeouts.statement().toMillis()
                + " -c lock_timeout=" + timeouts.lock().toMillis());
        return connect(database, limits);
    }

    private Connection connect(String database, Properties extra) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(properties());
        properties.putAll(extra);
        properties.setProperty("ApplicationName", "schemagate");
        Connection connection = DRIVER.connect(urlOf(database), properties);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + urlOf(database));
        }
        return connection;
    }

    @Override
    public String version() {
        if (version == null) {
            version = admin(statement -> {
                try (ResultSet rs = statement.executeQuery("SHOW server_version")) {
                    rs.next();
                    return rs.getString(1).split(" ")[0];
                }
            });
        }
        return version;
    }

    @Override
    public ScratchDatabase createDatabase() {
        return create("TEMPLATE template0");
    }

    @Override
    public ScratchDatabase cloneDatabase(ScratchDatabase template) {
        if (!created.contains(template.name())) {
            throw new IllegalArgumentException(template.name() + " is not a scratch database of this server");
        }
        return create("TEMPLATE " + template.name());
    }

    @Override
    public Optional<ScratchDatabase> copyOf(ConnectionSource live) {
        return new LiveCopy(this).of(live);
    }

    /** Creates a scratch database with this clause after its name (a template), and drops it on close. */
    ScratchDatabase create(String clause) {
        String name = names.next();
        admin(statement -> statement.execute("CREATE DATABASE " + name + " " + clause + createOptions()));
        created.add(name);
        return new PostgresScratchDatabase(this, name);
    }

    void drop(String name) {
        if (created.remove(name)) {
            admin(statement -> statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
        }
    }

    /** Drops every database this server object created. */
    final void dropAll() {
        for (String name : Set.copyOf(created)) {
            try {
                drop(name);
            } catch (InfrastructureException e) {
                System.err.println("schemagate: could not drop scratch database " + name + ": " + e.getMessage());
            }
        }
    }

    final <T> T admin(SqlWork<T> work) {
        try (Connection connection = connectForAdmin(); Statement statement = connection.createStatement()) {
            return work.run(statement);
        } catch (SQLException e) {
            throw new InfrastructureException(describeFailure(e), e);
        }
    }

    /** The maintenance database, or {@code template1} when it is gone (a migration may drop {@code postgres}). */
    private Connection connectForAdmin() throws SQLException {
        try {
            return connect(maintenanceDatabase());
        } catch (SQLException e) {
            if (!NO_SUCH_DATABASE.equals(e.getSQLState())) {
                throw e;
            }
            return connect("template1");
        }
    }

    /** Turns a failed administrative statement into a message that says what to do. */
    String describeFailure(SQLException e) {
        return "PostgreSQL at " + description() + " failed: " + e.getMessage();
    }

    /** A piece of administrative SQL work. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Statement statement) throws SQLException;
    }
}
