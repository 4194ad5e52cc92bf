package dev.schemagate.postgres.observe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Whether the migration set a lock_timeout, as opposed to the one the run's connection comes with
 * (source {@code client}). Only {@code pg_settings} tells a setting's source, and it builds every
 * setting of the server (about 2 ms), so it is read again only when the value changed or a statement
 * may have set it to the value it had: one naming {@code lock_timeout}, a {@code RESET}, or one ending
 * or undoing a transaction (which ends a {@code SET LOCAL}); and for each migration.
 */
final class MigrationLockTimeout {

    private static final String SOURCE = """
            SELECT (setting <> '0' AND source <> 'client')::text FROM pg_settings WHERE name = 'lock_timeout'
            """;
    private static final Pattern MAY_SET = Pattern.compile("(?i)lock_timeout|\\bRESET\\b");

    private Connection connection;
    private String value;
    private boolean set;

    /** Whether a lock_timeout the migration set is in force, the setting's value being {@code value} now. */
    boolean set(Connection connection, String value) throws SQLException {
        if (connection != this.connection || !value.equals(this.value)) {
            try (Statement query = connection.createStatement(); ResultSet rs = query.executeQuery(SOURCE)) {
                rs.next();
                set = "true".equals(rs.getString(1));
            }
            this.connection = connection;
            this.value = value;
        }
        return set;
    }

    /** Notes a statement that ran: when it may have set the lock_timeout, the source is read again. */
    void ran(String sql, boolean endsOrUndoes) {
        if (endsOrUndoes || MAY_SET.matcher(sql).find()) {
            forget();
        }
    }

    /** Reads the source again at the next statement (a new migration begins). */
    void forget() {
        connection = null;
    }
}
