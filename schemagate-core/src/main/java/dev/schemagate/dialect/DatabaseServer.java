package dev.schemagate.dialect;

import java.util.Optional;

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

    /**
     * A scratch copy, made by the server itself, of the schema of a database {@code live} connects
     * to, its tables emptied (as a database built from its snapshot would be): only when that
     * database is one of this server's, holds nothing the copy cannot empty, and no session is
     * connected to it (the connection opened to tell is closed first); empty otherwise, and then the
     * caller builds the schema as before.
     */
    default Optional<ScratchDatabase> copyOf(ConnectionSource live) {
        return Optional.empty();
    }

    @Override
    void close();
}
