package dev.schemagate.postgres.data;

import dev.schemagate.data.DataProbe;
import dev.schemagate.data.FailedStatement;
import dev.schemagate.data.IntegrityProblem;
import dev.schemagate.data.SeedReport;
import dev.schemagate.data.TableRows;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.postgres.SqlResource;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL's {@link DataProbe}: the {@link Seeder}, the {@link RowCapture}, {@link RowConformance} and
 * {@link CastReseeding} for rows a migration needs consistent, and one integrity query.
 *
 * <p>Before seeding, the unused sequences that feed the tables' ids are moved ahead (by 1,000), so
 * the seeded ids are not the ones a fresh sequence hands out: a down script that rebuilds a table
 * and inserts its rows back without their ids then gives them other ids, which the data check sees.
 */
public final class PostgresDataProbe implements DataProbe {

    private static final String INTEGRITY = SqlResource.read(PostgresDataProbe.class, "integrity.sql");
    /** The integrity query over every relation, and over those an open transaction locked (see integrity.sql). */
    private static final String EVERY_INTEGRITY_PROBLEM = INTEGRITY.replace("@locked_only", "false");
    private static final String LOCKED_INTEGRITY_PROBLEMS = INTEGRITY.replace("@locked_only", "true");
    private static final String ADVANCE_SEQUENCES = SqlResource.read(PostgresDataProbe.class, "advance_sequences.sql");
    private static final String ROW_MARKS = SqlResource.read(PostgresDataProbe.class, "row_marks.sql");
    /** The marks of every table, and of those an open transaction may have written rows of (see row_marks.sql). */
    private static final String EVERY_ROW_MARK = ROW_MARKS.replace("@tables", "pg_class");
    private static final String WRITTEN_ROW_MARKS = ROW_MARKS.replace("@tables", "written_class");
    private static final long SEQUENCE_OFFSET = 1_000;

    @Override
    public SeedReport seed(Connection connection, Snapshot snapshot, Collection<QualifiedName> tables,
                           int rowsPerTable, long seed) throws SQLException {
        advanceSequences(connection, tables);
        return Seeder.seed(connection, snapshot, tables, rowsPerTable, seed);
    }

    private static void advanceSequences(Connection connection, Collection<QualifiedName> tables) throws SQLException {
        String[] names = tables.stream().map(Quote::name).toArray(String[]::new);
        try (PreparedStatement statement = connection.prepareStatement(ADVANCE_SEQUENCES)) {
            statement.setLong(1, SEQUENCE_OFFSET);
            statement.setArray(2, connection.createArrayOf("text", names));
            statement.setLong(3, SEQUENCE_OFFSET);
            statement.executeQuery().close();
        }
    }

    @Override
    public Map<QualifiedName, TableRows> capture(Connection connection, Snapshot snapshot,
                                                 Collection<QualifiedName> tables) throws SQLException {
        return RowCapture.capture(connection, snapshot, tables);
    }

    /** {@inheritDoc} One query counts them all; a table's inheritance children are not counted with it. */
    @Override
    public Map<QualifiedName, Long> rowCounts(Connection connection, Snapshot snapshot, Collection<QualifiedName> tables)
            throws SQLException {
        List<QualifiedName> counted = List.copyOf(tables);
        Map<QualifiedName, Long> counts = new HashMap<>();
        if (counted.isEmpty()) {
            return counts;
        }
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < counted.size(); i++) {
            boolean partitioned = snapshot.table(counted.get(i)).map(table -> table.partitioned()).orElse(false);
            queries.add("SELECT " + i + ", count(*) FROM " + (partitioned ? "" : "ONLY ") + Quote.name(counted.get(i)));
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(String.join("\nUNION ALL ", queries))) {
            while (rows.next()) {
                counts.put(counted.get(rows.getInt(1)), rows.getLong(2));
            }
        }
        return counts;
    }

    /**
     * {@inheritDoc} Read from the catalog and the table statistics, see {@code row_marks.sql}; from
     * PostgreSQL 15 on. Before 15 a session hands its counts to the statistics collector, which a
     * reading sees up to half a second later: just after a write the counts can read as they were before
     * it, so a table's mark can stay where it was while its rows changed.
     */
    @Override
    public Optional<Map<QualifiedName, String>> rowMarks(Connection connection) throws SQLException {
        return marksHold(connection) ? Optional.of(marks(connection, false)) : Optional.empty();
    }

    /** {@inheritDoc} Read as {@link #rowMarks} reads them, of the tables the transaction holds a lock for writing on. */
    @Override
    public Optional<Map<QualifiedName, String>> writtenRowMarks(Connection connection) throws SQLException {
        return marksHold(connection) ? Optional.of(marks(connection, true)) : Optional.empty();
    }

    private static boolean marksHold(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseMajorVersion() >= 15;
    }

    private static Map<QualifiedName, String> marks(Connection connection, boolean written) throws SQLException {
        Map<QualifiedName, String> marks = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(written ? WRITTEN_ROW_MARKS : EVERY_ROW_MARK)) {
            // prepared on the server from its first use: a run reads the marks a few times per migration
            statement.unwrap(PGStatement.class).setPrepareThreshold(1);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    marks.put(QualifiedName.of(rows.getString(1), rows.getString(2)), rows.getString(3));
                }
            }
        }
        return marks;
    }

    @Override
    public long conform(Connection connection, Snapshot now, Snapshot target) throws SQLException {
        return RowConformance.toForeignKeys(connection, now, target);
    }

    @Override
    public long reseed(Connection connection, Snapshot now, FailedStatement failure) throws SQLException {
        return CastReseeding.reseed(connection, now, failure);
    }

    /**
     * {@inheritDoc} Inside an open transaction, only the problems on relations the transaction locked:
     * rows and sequence positions change only under such a lock, so those are all the problems it can
     * have made (a caller reports each problem once, when it first appears).
     */
    @Override
    public List<IntegrityProblem> integrity(Connection connection) throws SQLException {
        List<IntegrityProblem> problems = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(connection.getAutoCommit()
                ? EVERY_INTEGRITY_PROBLEM : LOCKED_INTEGRITY_PROBLEMS)) {
            // prepared on the server from its first use, and planned once: a cycle reads integrity after every up
            query.unwrap(PGStatement.class).setPrepareThreshold(1);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    problems.add(new IntegrityProblem(IntegrityProblem.Kind.valueOf(rows.getString(1)),
                            QualifiedName.of(rows.getString(2), rows.getString(3)), rows.getString(4), rows.getString(5)));
                }
            }
        }
        return problems;
    }
}
