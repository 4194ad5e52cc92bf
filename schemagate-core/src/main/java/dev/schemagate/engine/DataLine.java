package dev.schemagate.engine;

import dev.schemagate.check.DataFindings;
import dev.schemagate.check.Finding;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.data.DataProbe;
import dev.schemagate.data.FailedStatement;
import dev.schemagate.data.SeedReport;
import dev.schemagate.data.TableRows;
import dev.schemagate.migration.Migration;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A second database that follows the working one migration by migration but holds rows: every
 * table gets synthetic rows when it is first seen empty, and the rows stay, going through every
 * later migration as production rows would. Seeding once rather than before every migration is
 * what makes the data check cheap.
 *
 * <p>Synthetic rows can make a migration fail that production rows would not (a foreign key added
 * over values the application keeps consistent, a cast of text the application wrote as JSON). Then
 * the rows are first made consistent with the migration's target schema ({@link #conform}) and the
 * values a statement could not take are re-seeded ({@link #reseed}); when the migration still fails, the data line is
 * rebuilt from the working database, which holds no rows, and seeded afresh. A table the seeder cannot fill is noted once and
 * not tried again.
 */
final class DataLine implements AutoCloseable {

    private final DataProbe probe;
    private final VerifyOptions options;
    private final Set<String> reported = new HashSet<>();
    private final Set<QualifiedName> unfillable = new HashSet<>();
    private final RowCache rows;
    private WorkingDatabase database;

    DataLine(DataProbe probe, VerifyOptions options, WorkingDatabase database) {
        this.probe = probe;
        this.options = options;
        this.database = database;
        this.rows = new RowCache(probe);
    }

    WorkingDatabase database() {
        return database;
    }

    /**
     * Seeds the tables of {@code state} that are empty (committed, so they stay), and returns the
     * watch over the rows every table holds before {@code migration}; a table that could not be
     * filled is noted once in {@code findings}.
     */
    RowWatch prepare(Migration migration, Snapshot state, List<Finding> findings) throws SQLException {
        List<QualifiedName> tables = state.tables().stream().map(Table::qualifiedName).toList();
        Map<QualifiedName, TableRows> rows = this.rows.capture(database.connection(), state, tables);
        List<QualifiedName> empty = state.tables().stream()
                .filter(table -> !table.partition() && !unfillable.contains(table.qualifiedName()))
                .map(Table::qualifiedName)
                .filter(table -> rows.containsKey(table) && rows.get(table).totalRows() == 0).toList();
        if (empty.isEmpty()) {
            return new RowWatch(this.rows, migration, rows);
        }
        this.rows.written();
        SeedReport seeded = probe.seed(database.connection(), state, empty, options.rows(), options.seed());
        seeded.tables().stream().filter(table -> table.inserted() == 0).forEach(table -> unfillable.add(table.table()));
        for (String problem : seeded.problems()) {
            if (reported.add(problem)) {
                findings.add(DataFindings.notSeeded(migration, problem));
            }
        }
        return new RowWatch(this.rows, migration, this.rows.capture(database.connection(), state, tables));
    }

    /**
     * Makes the rows consistent with the foreign keys {@code target} adds over the tables of
     * {@code state}, as production rows would be; true when a row changed, so the migration is worth
     * trying again on them.
     */
    boolean conform(Snapshot state, Snapshot target) throws SQLException {
        rows.written();
        return probe.conform(database.connection(), state, target) > 0;
    }

    /**
     * Re-seeds the sample values that made {@code failure} a data exception with values valid for
     * what the statement does, as the application would have written them; true when a row changed.
     */
    boolean reseed(Snapshot state, FailedStatement failure) throws SQLException {
        rows.written();
        return failure != null && failure.dataException() && probe.reseed(database.connection(), state, failure) > 0;
    }

    /**
     * Starts again from a copy of {@code working}, which is as this database was before {@code migration}
     * (a cycle outside a transaction left this one {@linkplain MigrationCycle.Left#CHANGED changed}), and
     * seeds its tables, so that what follows (rows made consistent, the migration tried again or applied
     * here) runs on rows again.
     */
    void startAgain(WorkingDatabase working, Migration migration, Snapshot state, List<Finding> findings) throws SQLException {
        rows.written();
        rebuildFrom(working);
        prepare(migration, state, findings);
    }

    /**
     * Applies the migration here too, when its cycle did not leave it applied; when its rows break it
     * ({@code rowsBrokeIt}, or its up script fails here), starts again from the working database.
     */
    void follow(ScriptRunner runner, Migration migration, WorkingDatabase working, boolean rowsBrokeIt) throws SQLException {
        rows.written();
        if (rowsBrokeIt || !runner.run(database.connection(), migration.up()).succeeded()) {
            rebuildFrom(working);
        }
    }

    /** Starts again from a copy of {@code working}, whose tables are empty, to be seeded before the next migration. */
    private void rebuildFrom(WorkingDatabase working) {
        database.close();
        database = working.copy();
    }

    @Override
    public void close() {
        database.close();
    }
}
