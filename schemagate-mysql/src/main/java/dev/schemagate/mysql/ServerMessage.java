package dev.schemagate.mysql;

import dev.schemagate.dialect.ScratchNames;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * The server's message as a user reads it: without the driver's connection number
 * ({@code (conn=387)}), without the run's scratch database in front of table names (each run names
 * it anew), and with the temporary table an ALTER TABLE copies into ({@code #sql-alter-112a-4d0} on
 * MariaDB, {@code #sql-…} on MySQL) called what it is. Every message of the dialect that quotes the
 * server goes through here, so the same failure reads the same on every run.
 */
public final class ServerMessage {

    private static final Pattern CONNECTION = Pattern.compile("^\\(conn=\\d+\\)\\s*");
    private static final Pattern SCRATCH = Pattern.compile("`?" + ScratchNames.PATTERN.pattern() + "`?\\.");
    private static final Pattern ALTER_COPY = Pattern.compile("`#sql-[\\w-]+`");

    private ServerMessage() {
    }

    /** The exception's message, cleaned. */
    public static String of(SQLException e) {
        return of(e.getMessage());
    }

    /** A message of the server, cleaned; empty for none. */
    public static String of(String message) {
        if (message == null) {
            return "";
        }
        String cleaned = CONNECTION.matcher(message).replaceFirst("");
        cleaned = SCRATCH.matcher(cleaned).replaceAll("");
        return ALTER_COPY.matcher(cleaned).replaceAll("the new copy of the altered table");
    }
}
