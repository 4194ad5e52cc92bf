package dev.schemagate.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens connections to one database, for reads that may spread over several connections at once
 * (a snapshot of a large schema). Each connection comes in autocommit mode; the caller closes it.
 */
@FunctionalInterface
public interface ConnectionSource {

    /** A new connection to the database. */
    Connection open() throws SQLException;
}
