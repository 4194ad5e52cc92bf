package dev.schemagate.data;

import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dialect's hands on table data: fills tables with synthetic rows, reads them back, and asks the
 * database the integrity questions a schema snapshot cannot answer. The data check of a verify run
 * uses it to prove that a migration keeps the rows it should; every method works inside an open
 * transaction, so the caller can roll all of it back.
 */
public interface DataProbe {

    /** Puts {@code rowsPerTable} synthetic rows, derived from {@code seed}, in each table, referenced tables first. */
    SeedReport seed(Connection connection, Snapshot snapshot, Collection<QualifiedName> tables, int rowsPerTable,
                    long seed) throws SQLException;

    /** The rows each table of the snapshot holds now; names that are not tables of the snapshot are left out. */
    Map<QualifiedName, TableRows> capture(Connection connection, Snapshot snapshot, Collection<QualifiedName> tables)
            throws SQLException;

    /**
     * A mark of the rows each table holds, cheap to read: while a table's mark and definition stay the same,
     * so do its rows, so a caller that captured them can read again only the tables whose mark moved. A
     * mark read inside a transaction holds for that transaction only (what it rolls back may leave the mark
     * moved or not). Empty when the dialect cannot tell; then every capture reads every table.
     */
    default Optional<Map<QualifiedName, String>> rowMarks(Connection connection) throws SQLException {
        return Optional.empty();
    }

    /**
     * Inside an open transaction, the marks ({@link #rowMarks}) of the tables whose rows it may have
     * written; every other table's rows are as they were when it began. Empty when the dialect cannot
     * tell; then every mark is read.
     */
    default Optional<Map<QualifiedName, String>> writtenRowMarks(Connection connection) throws SQLException {
        return Optional.empty();
    }

    /**
     * How many rows each of {@code tables} that the snapshot has holds now, a partitioned table with its
     * partitions. This default reads them through {@link #capture}; a dialect that counts cheaper says so.
     */
    default Map<QualifiedName, Long> rowCounts(Connection connection, Snapshot snapshot, Collection<QualifiedName> tables)
            throws SQLException {
        Map<QualifiedName, Long> counts = new LinkedHashMap<>();
        capture(connection, snapshot, tables).forEach((name, rows) -> counts.put(name, rows.totalRows()));
        return counts;
    }

    /**
     * Makes the rows consistent, the way production rows are, with the foreign keys {@code target}
     * (the schema a migration is about to create) adds over tables of {@code now}: child values that
     * match no parent row are pointed at existing ones. Synthetic values are arbitrary where no key
     * held them yet; the application's never were. Returns how many rows changed.
     */
    long conform(Connection connection, Snapshot now, Snapshot target) throws SQLException;

    /** How many times a run re-seeds values for one migration before it believes the failure. */
    int RESEEDS = 16;

    /**
     * Re-seeds the sample values that made {@code failure} a data exception with values valid for
     * what the statement does (for a cast, values of the target type written as text), as the
     * application would have written them; the tables are those of {@code now}. Returns how many
     * rows changed: none when no sample value explains the failure, which then stands.
     */
    long reseed(Connection connection, Snapshot now, FailedStatement failure) throws SQLException;

    /**
     * What only the data shows is wrong: rows that break a foreign key the database does not enforce
     * (NOT VALID), and sequences that would hand out values their column already holds.
     */
    List<IntegrityProblem> integrity(Connection connection) throws SQLException;
}
