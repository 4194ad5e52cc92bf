package dev.schemagate.cli;

import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.postgres.server.EmbeddedPostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL cluster of its own, started by the tests to stand in for an existing server behind
 * {@code --db-url} (CI has no other), and what can be seen of it from outside any one database:
 * its databases, roles, tablespaces, per-role and per-database settings, and configuration files.
 */
final class SecondServer {

    private SecondServer() {
    }

    /** The JDBC URL of the second cluster's {@code postgres} database, with its superuser. */
    static String url() {
        return Holder.URL;
    }

    /** Runs administrative SQL on the second cluster's {@code postgres} database. */
    static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Everything a run could change outside its scratch databases, one line per fact, in a stable order. */
    static List<String> outsideState() throws SQLException {
        return lines("""
                SELECT 'database ' || datname || ' owner=' || pg_get_userbyid(datdba) || ' acl=' || coalesce(datacl::text, '')
                       || ' connlimit=' || datconnlimit FROM pg_database WHERE datname NOT LIKE 'schemagate\\_%'
                UNION ALL SELECT 'role ' || rolname || ' ' || rolsuper || rolcreaterole || rolcreatedb || rolcanlogin
                       || ' member of ' || coalesce((SELECT string_agg(r.rolname, ',' ORDER BY r.rolname) FROM pg_auth_members m
                          JOIN pg_roles r ON r.oid = m.roleid WHERE m.member = a.oid), '') FROM pg_roles a
                UNION ALL SELECT 'tablespace ' || spcname FROM pg_tablespace
                UNION ALL SELECT 'role setting ' || setdatabase || '/' || setrole || ' ' || array_to_string(setconfig, ',')
                       FROM pg_db_role_setting
                UNION ALL SELECT 'file setting ' || sourcefile || ': ' || name || '=' || coalesce(setting, '')
                       FROM pg_file_settings
                UNION ALL SELECT 'shared comment ' || objoid || ': ' || description FROM pg_shdescription
                UNION ALL SELECT 'setting work_mem=' || current_setting('work_mem')
                ORDER BY 1""");
    }

    /** The scratch databases on the second cluster, by name. */
    static List<String> scratchDatabases() throws SQLException {
        return lines("SELECT datname FROM pg_database WHERE datname LIKE 'schemagate\\_%' ORDER BY 1");
    }

    static List<String> lines(String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url()); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    private static final class Holder {
        private static final String URL = start();

        private static String start() {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start("17");
            try (ScratchDatabase probe = server.createDatabase()) {
                String url = probe.jdbcUrl();
                String base = url.substring(0, url.lastIndexOf('/')) + "/postgres?user=" + probe.username();
                return probe.password() == null ? base : base + "&password=" + probe.password();
            }
        }
    }
}
