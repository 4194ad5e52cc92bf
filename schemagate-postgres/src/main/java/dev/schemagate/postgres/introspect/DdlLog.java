package dev.schemagate.postgres.introspect;

import dev.schemagate.postgres.SqlResource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The event triggers that log, inside a marked transaction, what each DDL statement created, changed
 * or dropped ({@code ddl_log.sql}): with them a reading of what the transaction changed looks those
 * objects up instead of scanning catalogs that grow with the schema. Installing needs a superuser, so
 * only the embedded server's scratch databases have them; elsewhere the reading scans as before.
 */
public final class DdlLog {

    private DdlLog() {
    }

    /** Installs the log in the database of {@code connection}, which must be a superuser's. */
    public static void install(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(SqlResource.read(DdlLog.class, "ddl_log.sql"));
        }
    }
}
