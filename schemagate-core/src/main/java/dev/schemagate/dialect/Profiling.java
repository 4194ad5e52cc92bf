package dev.schemagate.dialect;

import dev.schemagate.data.SeedReport;
import dev.schemagate.model.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a dialect contributes to profiling migrations at production volume: filling tables with
 * many rows on the server itself (set-based, by the data check's value rules), and reading the
 * server's work counters around a statement. Locks, rewrites and index builds come from the lint's
 * statement observer; the profile engine asks for this through {@link Dialect#profiling()}.
 */
public interface Profiling {

    /** Whether a lock in {@code mode}, as the dialect's observer names it, blocks writes to its table. */
    boolean blocksWrites(String mode);

    /** How to do a change in steps that take no lock blocking writes, for the advice on a long lock. */
    String stepsWithoutBlockingWrites();

    /**
     * Puts {@code rows} rows in every empty table of {@code schema} (the schema the connection, in
     * autocommit mode, sees now, read only when a table is empty), referenced tables first, and leaves the tables ready to be measured as
     * production tables are (statistics gathered, rows visible to every transaction).
     */
    SeedReport fill(Connection connection, SchemaRead schema, int rows) throws SQLException;

    /** Reads the schema the connection sees now; asked only when some table is empty. */
    @FunctionalInterface
    interface SchemaRead {
        Snapshot read() throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction that is rolled back afterwards, with every table emptied
     * first: what a migration does to a schema without rows (which foreign keys it adds), learnt
     * without losing the rows. The connection is in autocommit mode before and after.
     */
    <T> T withoutRows(Connection connection, Work<T> work) throws SQLException;

    /** Work done on a connection, with a result. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * The server's counters now. Temporary-file bytes are brought up to date only between
     * transactions (in autocommit mode); inside one they stand still until it ends.
     */
    WorkCounters counters(Connection connection) throws SQLException;

    /**
     * The server's cumulative work counters at one moment.
     *
     * @param logBytes  bytes written to the write-ahead (redo) log, server-wide
     * @param tempBytes bytes written to temporary files by this database, or -1 when the server cannot tell
     * @param pagesRead pages of the database's own tables the current transaction has read (from disk or
     *                  memory) so far, or -1 when the server cannot tell; a statement that reads none
     *                  touched the catalog only
     */
    record WorkCounters(long logBytes, long tempBytes, long pagesRead) {

        /** What was done between {@code earlier} and now (pages only within one transaction). */
        public WorkCounters since(WorkCounters earlier) {
            return new WorkCounters(logBytes - earlier.logBytes,
                    tempBytes < 0 || earlier.tempBytes < 0 ? -1 : tempBytes - earlier.tempBytes,
                    pagesRead < 0 || earlier.pagesRead < 0 ? -1 : pagesRead - earlier.pagesRead);
        }
    }
}
