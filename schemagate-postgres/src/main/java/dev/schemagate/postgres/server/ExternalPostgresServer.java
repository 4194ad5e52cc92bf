package dev.schemagate.postgres.server;

import dev.schemagate.dialect.ScratchNames;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.Timeouts;
import dev.schemagate.migration.InputException;
import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An existing PostgreSQL server named by a JDBC URL. Schemagate only creates scratch databases
 * of its own there and drops them afterwards; the database the URL names is used solely to
 * connect, and nothing in it is read or written. Credentials come from the URL ({@code user},
 * {@code password}) or from {@code PGUSER}/{@code PGPASSWORD}, and are never printed.
 *
 * <p>A run killed before it could drop its scratch databases leaves them behind; their names say
 * when their run started ({@link ScratchNames}), so the next run drops those of its user that are
 * older than {@link #STALE_AFTER} and that nobody is connected to. A run stopped with SIGTERM drops
 * its own on the way out.
 */
public final class ExternalPostgresServer extends PostgresServer {

    /** Far longer than any run lasts: a scratch database this old belongs to a run that was killed. */
    public static final Duration STALE_AFTER = Duration.ofHours(6);

    /** {@code user[:password]@} before the host: the driver would take it for the host and print it in its errors. */
    private static final Pattern USER_INFO = Pattern.compile("^jdbc:postgresql://[^/?#]*@");

    private final String hostAndPort;
    private final String database;
    private final Properties properties = new Properties();
    private final Thread shutdownHook = new Thread(this::dropAll, "schemagate-scratch-cleanup");

    private ExternalPostgresServer(String hostAndPort, String database, Properties parsed, Timeouts timeouts) {
        super(timeouts);
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
        ExternalPostgresServer server = parse(url, Timeouts.DEFAULT);
        Connection connection = server.connect(server.maintenanceDatabase());
        connection.setReadOnly(true);
        return connection;
    }

    /**
     * Connects to the server the URL names, checks that its user may create databases, and drops
     * the scratch databases killed runs of that user left there more than {@code staleAfter} ago.
     */
    public static ExternalPostgresServer open(String url, Timeouts timeouts, Duration staleAfter) {
        ExternalPostgresServer server = parse(url, timeouts);
        server.requireCreateDb();
        server.noteBroadRights();
        server.dropStale(staleAfter);
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        return server;
    }

    public static ExternalPostgresServer open(String url, Timeouts timeouts) {
        return open(url, timeouts, STALE_AFTER);
    }

    /**
     * Connects to a server this process started itself (an embedded one reached by URL): no one
     * else's leftovers to sweep, and that server's own shutdown removes everything on it.
     */
    public static ExternalPostgresServer attach(String url, Timeouts timeouts) {
        return parse(url, timeouts);
    }

    private static ExternalPostgresServer parse(String url, Timeouts timeouts) {
        Matcher userInfo = USER_INFO.matcher(url);
        if (userInfo.find()) {
            throw new InputException("'jdbc:postgresql://…@" + url.substring(userInfo.end()) + "' puts a user (and maybe a"
                    + " password) before the host, which the PostgreSQL JDBC driver does not read: write"
                    + " jdbc:postgresql://host:port/database?user=NAME and give the password in PGPASSWORD");
        }
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
        return new ExternalPostgresServer(hostAndPort.toString(), parsed.getProperty("PGDBNAME"), parsed, timeouts);
    }

    private void requireCreateDb() {
        if (!rights("rolcreatedb OR rolsuper")) {
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

    /** Says so when the user may do far more than create databases, which SQL built at run time could use. */
    private void noteBroadRights() {
        if (rights("rolsuper OR rolcreaterole")) {
            System.err.println("schemagate: note: user '" + user() + "' on " + hostAndPort + " is a superuser or may"
                    + " create roles; SQL a migration builds at run time, which cannot be read before it runs, would have"
                    + " those rights on the whole server. A role with only CREATEDB is enough for --db-url.");
        }
    }

    private boolean rights(String condition) {
        return admin(statement -> {
            try (ResultSet rs = statement.executeQuery("SELECT " + condition + " FROM pg_roles WHERE rolname = current_user")) {
                return rs.next() && rs.getBoolean(1);
            }
        });
    }

    /** Drops this user's scratch databases that are older than {@code age} and that nobody is connected to. */
    private void dropStale(Duration age) {
        Instant before = Instant.now().minus(age);
        List<String> stale = admin(statement -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT d.datname FROM pg_database d"
                    + " WHERE pg_get_userbyid(d.datdba) = current_user AND d.datname LIKE 'schemagate\\_%'"
                    + " AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (ScratchNames.startOf(name).filter(start -> start.isBefore(before)).isPresent()) {
                        names.add(name);
                    }
                }
            }
            return names;
        });
        int dropped = 0;
        for (String name : stale) {
            try {
                admin(statement -> statement.execute("DROP DATABASE IF EXISTS " + name));
                dropped++;
            } catch (InfrastructureException stillInUse) {
                // someone connected since: not stale after all
            }
        }
        if (dropped > 0) {
            System.err.println("schemagate: dropped " + dropped + " scratch database" + (dropped == 1 ? "" : "s")
                    + " that killed runs left on " + hostAndPort + " more than " + age.toHours() + " h ago");
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook itself is running, or about to
        }
        dropAll();
    }
}
