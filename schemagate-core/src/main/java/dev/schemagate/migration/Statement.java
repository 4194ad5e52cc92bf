package dev.schemagate.migration;

import java.util.Locale;

/**
 * One SQL statement of a script, where it starts in its file, and how it may run.
 *
 * @param sql           the statement text, without the trailing delimiter; for
 *                      {@code COPY ... FROM stdin} only the command itself
 * @param location      where the statement's first character is in its file
 * @param transactional false when the statement cannot run inside a transaction block
 *                      (for PostgreSQL: {@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ...)
 * @param kind          plain SQL, a {@code COPY ... FROM stdin} with its data, or a client
 *                      meta-command that no server can run
 * @param copyData      the data lines of a {@code COPY ... FROM stdin}, without the closing
 *                      {@code \.} line; empty for other kinds
 */
public record Statement(String sql, Location location, boolean transactional, Kind kind, String copyData) {

    /** What kind of thing the splitter found. */
    public enum Kind { SQL, COPY_FROM_STDIN, META_COMMAND }

    /**
     * True when the text is not written in its file but generated from it (the SQL Liquibase writes
     * for a changeset of an XML, YAML or JSON changelog), so that messages show the text itself.
     */
    public boolean generated() {
        return location.file() != null && location.file().getFileName() != null
                && !location.file().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql");
    }

    public static Statement sql(String sql, Location location, boolean transactional) {
        return new Statement(sql, location, transactional, Kind.SQL, "");
    }
}
