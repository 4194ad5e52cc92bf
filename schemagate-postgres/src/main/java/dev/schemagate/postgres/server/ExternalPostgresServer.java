package dev.schemagate.postgres.server;

import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.migration.InputException;
import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * An existing PostgreSQL server named by a JDBC URL. Schemagate only creates scratch databases
 * of its own there and drops them afterwards; the database the URL names is used solely to
 * connect, and nothing in it is read or written. Credentials come from the URL ({@code user},
 * {@code password}) or from {@code PGUSER}/{@code PGPASSWORD}, and are never printed.
 */
public final class ExternalPostgresServer extends PostgresServer {

    private final String hostAndPort;
    private final String database;
    private final Properties properties = new Properties();

    private ExternalPostgresServer(String hostAndPort, String database, Properties parsed) {
        this.hostAndPort = hostAndPort;
        this.database = database;
        parsed.forEach((key, value) -> {
            String name = key.toString();
            if (!name.equals("PGHOST") && !name.equals("PGPORT") && !name.equals("PGDBNAME")) {
                properties.put(name, value);
            }
        });
        if (properties.getProperty("user") == null) {
            String user = System.getenv("PGUSER");
            properties.setProperty("user", user != null ? user : System.getProperty("user.name"));
        }
        if (properties.getProperty("password") == null && System.getenv("PGPASSWORD") != null) {
            properties.setProperty("password", System.getenv("PGPASSWORD"));
        }
    }

    /** A read-only connection to the very database the URL names, for reading its schema. */
    public static Connection connectTo(String url) throws SQLException {
        ExternalPostgresServer server = parse(url);
        Connection connection = server.connect(server.maintenanceDatabase());
        connection.setReadOnly(true);
        return connection;
    }

    /** Connects to the server the URL names and checks that its user may create databases. */
    public static ExternalPostgresServer open(String url) {
        ExternalPostgresServer server = parse(url);
        server.requireCreateDb();
        return server;
    }

    private static ExternalPostgresServer parse(String url) {
        Properties parsed = Driver.parseURL(url, new Properties());
        if (parsed == null) {
            throw new InputException("'" + JdbcUrls.redact(url) + "' is not a PostgreSQL JDBC URL: write jdbc:postgresql://host:port/database");
        }
        String hosts = parsed.getProperty("PGHOST");
        String ports = parsed.getProperty("PGPORT");
        String[] hostList = hosts.split(",");
        String[] portList = ports.split(",");
        StringBuilder hostAndPort = new StringBuilder();
        for (int i = 0; i < hostList.length; i++) {
            hostAndPort.append(i == 0 ? "" : ",").append(hostList[i]).append(':').append(portList[Math.min(i, portList.length - 1)]);
        }
        return new ExternalPostgresServer(hostAndPort.toString(), parsed.getProperty("PGDBNAME"), parsed);
    }

    private void requireCreateDb() {
        boolean allowed = admin(statement -> {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")) {
                return rs.next() && rs.getBoolean(1);
            }
        });
        if (!allowed) {
            throw new InfrastructureException("user '" + user() + "' may not create databases on " + hostAndPort
                    + ": Schemagate works in scratch databases of its own; grant it with ALTER ROLE " + user()
                    + " CREATEDB, or leave out --db-url to use the embedded server");
        }
    }

    @Override
    String urlOf(String name) {
        return "jdbc:postgresql://" + hostAndPort + "/" + name;
    }

    @Override
    String maintenanceDatabase() {
        return database == null || database.isEmpty() ? "postgres" : database;
    }

    @Override
    Properties properties() {
        return properties;
    }

    @Override
    String describeFailure(SQLException e) {
        return "PostgreSQL at " + hostAndPort + " (user '" + user() + "') failed: " + e.getMessage()
                + " (check the URL, the server and the credentials)";
    }

    @Override
    public String description() {
        return "PostgreSQL " + version() + " at " + hostAndPort;
    }

    @Override
    public void close() {
        dropAll();
    }
}
