package dev.schemagate.mysql;

import dev.schemagate.migration.InputException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where a MySQL or MariaDB server listens and with which credentials Schemagate connects, read from
 * a {@code jdbc:mysql://} or {@code jdbc:mariadb://} URL: {@code user} and {@code password} from its
 * parameters, else from the environment ({@code MYSQL_USER}, {@code MYSQL_PWD}, the variables the
 * {@code mysql} client reads). The database the URL names is used only to find the server. Never
 * printed with its password. No connection may send a file of this machine to the server.
 *
 * @param hostAndPort {@code host:port} (or a list the driver reads)
 * @param database    the database the URL names, or empty
 * @param properties  connection properties, credentials among them
 */
record ServerAddress(String hostAndPort, String database, Properties properties) {

    /**
     * Every connection refuses {@code LOAD DATA LOCAL INFILE}: MariaDB's driver allows it by default,
     * and then sends the server whatever file of this machine a statement names.
     */
    ServerAddress {
        Properties safe = new Properties();
        safe.putAll(properties);
        safe.setProperty("allowLocalInfile", "false");
        properties = safe;
    }

    static final String MARIADB = "jdbc:mariadb://";
    static final String MYSQL = "jdbc:mysql://";

    static boolean accepts(String url) {
        return url.startsWith(MARIADB) || url.startsWith(MYSQL);
    }

    static ServerAddress parse(String url) {
        String rest = url.startsWith(MARIADB) ? url.substring(MARIADB.length())
                : url.startsWith(MYSQL) ? url.substring(MYSQL.length()) : null;
        if (rest == null) {
            throw new InputException("'" + redact(url) + "' is not a MySQL or MariaDB JDBC URL: write jdbc:mysql://host:port/database");
        }
        int query = rest.indexOf('?');
        String params = query < 0 ? "" : rest.substring(query + 1);
        String path = query < 0 ? rest : rest.substring(0, query);
        int slash = path.indexOf('/');
        String authority = slash < 0 ? path : path.substring(0, slash);
        String database = slash < 0 ? "" : path.substring(slash + 1);
        if (authority.contains("@")) {
            throw new InputException("'" + redact(url) + "' puts a user (and maybe a password) before the host: write"
                    + " jdbc:mysql://host:port/database?user=NAME and give the password in MYSQL_PWD");
        }
        if (authority.isEmpty()) {
            authority = "localhost:3306";
        }
        Properties properties = new Properties();
        for (String pair : params.split("[&;]")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                properties.setProperty(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (properties.getProperty("user") == null) {
            String user = System.getenv("MYSQL_USER");
            properties.setProperty("user", user != null && !user.isBlank() ? user : System.getProperty("user.name"));
        }
        if (properties.getProperty("password") == null && System.getenv("MYSQL_PWD") != null) {
            properties.setProperty("password", System.getenv("MYSQL_PWD"));
        }
        return new ServerAddress(authority, database, properties);
    }

    /** A URL of one database of the server; credentials stay in {@link #properties()}. */
    String url(String name) {
        return MARIADB + hostAndPort + "/" + name;
    }

    String user() {
        return properties.getProperty("user", "");
    }

    /** What went wrong talking to the server, for people: where, as whom, never the password. */
    String describe(SQLException e) {
        return "MySQL/MariaDB at " + hostAndPort + " (user '" + user() + "') failed: " + ServerMessage.of(e)
                + " (check the URL, the server and the credentials)";
    }

    /** The URL with any password parameter masked. */
    static String redact(String url) {
        return url.replaceAll("(?i)([?&;](password|pwd)=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
    }
}
