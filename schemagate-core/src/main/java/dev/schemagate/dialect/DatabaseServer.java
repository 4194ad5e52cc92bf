package dev.schemagate.dialect;

/**
 * A running server Schemagate may create throwaway databases on. Closing it drops every
 * database it created and, for an embedded server, stops the server and removes its files.
 */
public interface DatabaseServer extends AutoCloseable {

    /** What this server is, for people: {@code embedded PostgreSQL 17.6}; never holds a password. */
    String description();

    /** The server's version as it reports it, such as {@code 17.6}. */
    String version();

    /** Creates an empty scratch database. */
    ScratchDatabase createDatabase();

    /** Creates a scratch database as a copy of another one (which must have no open connections). */
    ScratchDatabase cloneDatabase(ScratchDatabase template);

    @Override
    void close();
}
