package dev.schemagate.postgres.server;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;
import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every PostgreSQL server Schemagate uses has in common, embedded or external: it creates
 * scratch databases with names of its own, clones them as templates, and on close drops exactly
 * the databases it created and no other.
 */
abstract class PostgresServer implements DatabaseServer {

    private static final Driver DRIVER = new Driver();

    private final String runId = Long.toString(System.nanoTime() & 0xffffffL, 36);
    private final AtomicInteger counter = new AtomicInteger();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private volatile String version;

    /** The JDBC URL of a database on this server, without credentials. */
    abstract String urlOf(String database);

    /** What follows the template in every CREATE DATABASE: empty, or a strategy this server copies faster with. */
    String createOptions() {
        return "";
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
        Properties properties = new Properties();
        properties.putAll(properties());
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

    private ScratchDatabase create(String clause) {
        String name = "schemagate_" + runId + "_" + counter.incrementAndGet();
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
        try (Connection connection = connect(maintenanceDatabase()); Statement statement = connection.createStatement()) {
            return work.run(statement);
        } catch (SQLException e) {
            throw new InfrastructureException(describeFailure(e), e);
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
