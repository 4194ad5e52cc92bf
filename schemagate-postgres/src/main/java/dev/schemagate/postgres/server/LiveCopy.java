package dev.schemagate.postgres.server;

import dev.schemagate.dialect.ConnectionSource;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Copies a live database of the server as a plan proof's SOURCE: {@code CREATE DATABASE … TEMPLATE}
 * copies its files, far faster than building a large schema statement by statement, then the tables
 * that hold rows are emptied, so the copy is what a build from its snapshot gives. Only a database of
 * this very server (same port and start time), with no session connected to it (the server refuses to
 * copy one in use), and nothing that keeps rows a TRUNCATE does not empty (materialized views, foreign
 * tables); else the caller builds SOURCE.
 */
final class LiveCopy {

    private static final String SERVER = "inet_server_port()::text || ' ' || pg_postmaster_start_time()::text";
    private static final String IDENTITY = "SELECT current_database(), " + SERVER
            + ", (SELECT count(*) FROM pg_class WHERE relkind IN ('m', 'f') AND oid >= 16384), pg_backend_pid()";
    /**
     * Empties the tables holding rows (not an extension's own), identities restarted, as a build leaves them.
     * Only tables with a page on disk can hold a row, and only those are looked into: a schema of
     * 1,000 empty tables is then a thousand file sizes, not a thousand queries.
     */
    private static final String EMPTY = """
            DO $$
            DECLARE
                t text;
                held boolean;
                full_tables text;
            BEGIN
                FOR t IN SELECT format('%I.%I', n.nspname, c.relname)
                         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE c.relkind = 'r' AND c.oid >= 16384 AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
                           AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                           AND d.objid = c.oid AND d.deptype = 'e')
                           AND pg_relation_size(c.oid) > 0
                LOOP
                    EXECUTE 'SELECT EXISTS (SELECT FROM ONLY ' || t || ')' INTO held;
                    IF held THEN
                        full_tables := concat_ws(', ', full_tables, t);
                    END IF;
                END LOOP;
                IF full_tables IS NOT NULL THEN
                    EXECUTE 'TRUNCATE ' || full_tables || ' RESTART IDENTITY CASCADE';
                END IF;
            END $$
            """;

    private final PostgresServer server;

    LiveCopy(PostgresServer server) {
        this.server = server;
    }

    Optional<ScratchDatabase> of(ConnectionSource live) {
        String database;
        String identity;
        long asked;
        try (Connection connection = live.open(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(IDENTITY)) {
            rs.next();
            database = rs.getString(1);
            identity = rs.getString(2);
            asked = rs.getLong(4);
            if (identity == null || rs.getLong(3) > 0) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
        String literal = "'" + database.replace("'", "''") + "'";
        try {
            // the session that asked may still be ending (a backend leaves after its client): it is not a user,
            // and CREATE DATABASE waits for it to go
            boolean idle = server.admin(statement -> {
                try (ResultSet rs = statement.executeQuery("SELECT " + SERVER + ", (SELECT count(*) FROM pg_stat_activity"
                        + " WHERE datname = " + literal + " AND pid <> " + asked + ")")) {
                    rs.next();
                    return identity.equals(rs.getString(1)) && rs.getLong(2) == 0;
                }
            });
            if (!idle) {
                return Optional.empty();
            }
            ScratchDatabase copy = server.create("TEMPLATE \"" + database.replace("\"", "\"\"") + "\"");
            try (Connection connection = copy.connect(); Statement statement = connection.createStatement()) {
                statement.execute(EMPTY);
            } catch (SQLException e) {
                copy.close();
                return Optional.empty();
            }
            return Optional.of(copy);
        } catch (InfrastructureException e) {
            return Optional.empty();
        }
    }
}
