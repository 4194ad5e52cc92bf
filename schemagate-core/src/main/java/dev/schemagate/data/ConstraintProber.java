package dev.schemagate.data;

import dev.schemagate.model.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A dialect's way to prove that its database enforces what a schema declares: for every table of
 * the snapshot, a valid row goes in; for every constraint, a row that breaks only it is refused
 * with the database's code for that kind of constraint; foreign-key actions do what they declare.
 * Everything is tried inside the open transaction, under savepoints, and rolled back: the caller's
 * database is left as it was.
 */
public interface ConstraintProber {

    /** Probes every table of {@code snapshot}, which is the schema the connection sees now. */
    List<ProbeOutcome> probe(Connection connection, Snapshot snapshot) throws SQLException;
}
