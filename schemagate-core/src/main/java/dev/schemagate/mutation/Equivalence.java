package dev.schemagate.mutation;

import dev.schemagate.check.ScriptOutcome;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.data.TableRows;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.diff.SnapshotComparison;
import dev.schemagate.migration.Migration;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.model.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells equivalent mutants: the migration (and, for a mutant of the down script, its rollback) run
 * on sample rows leaves the same schema and the same rows with the mutant as without it. No check
 * can tell such a mutant from the original, so it is left out of the score.
 */
final class Equivalence {

    private final Dialect dialect;
    private final DatabaseServer server;
    private final int rows;
    private final long seed;
    private final Map<Integer, ScratchDatabase> seeded = new ConcurrentHashMap<>();
    private final Map<String, Optional<State>> originals = new ConcurrentHashMap<>();

    Equivalence(Dialect dialect, DatabaseServer server, int rows, long seed) {
        this.dialect = dialect;
        this.server = server;
        this.rows = rows;
        this.seed = seed;
    }

    /** The schema and the rows a run leaves. */
    private record State(Snapshot snapshot, Map<QualifiedName, List<String>> rows) {
    }

    /** True when the mutant's migration leaves exactly what the original leaves, from the copy {@code before} with sample rows. */
    boolean equivalent(Mutant mutant, Migration original, Migration mutated, ScratchDatabase before) {
        Optional<State> expected = originals.computeIfAbsent(mutant.migration() + "/" + mutant.direction(),
                key -> observe(original, mutant.direction(), mutant.migration(), before));
        Optional<State> actual = observe(mutated, mutant.direction(), mutant.migration(), before);
        return expected.isPresent() && actual.isPresent()
                && SnapshotComparison.compare(expected.get().snapshot(), actual.get().snapshot()).isEmpty()
                && expected.get().rows().equals(actual.get().rows());
    }

    private Optional<State> observe(Migration migration, Direction direction, int index, ScratchDatabase before) {
        ScriptRunner runner = new ScriptRunner(dialect);
        try (ScratchDatabase copy = server.cloneDatabase(seeded(index, before)); Connection connection = copy.connect()) {
            ScriptOutcome up = runner.run(connection, migration.up());
            if (!up.succeeded()) {
                return Optional.empty();
            }
            if (direction == Direction.DOWN && !runner.run(connection, migration.down().orElseThrow()).succeeded()) {
                return Optional.empty();
            }
            Snapshot snapshot = dialect.snapshot(connection, SnapshotOptions.full());
            List<QualifiedName> tables = snapshot.tables().stream().map(Table::qualifiedName).toList();
            Map<QualifiedName, List<String>> captured = new TreeMap<>(QualifiedName.ORDER);
            for (Map.Entry<QualifiedName, TableRows> table : dialect.data().capture(connection, snapshot, tables).entrySet()) {
                captured.put(table.getKey(), table.getValue().rows().stream().map(Object::toString).sorted(Comparator.naturalOrder()).toList());
            }
            return Optional.of(new State(snapshot, captured));
        } catch (SQLException e) {
            throw new InfrastructureException("lost the connection to the database: " + e.getMessage(), e);
        }
    }

    /** The copy before migration {@code index} with sample rows in every table, made once. */
    private synchronized ScratchDatabase seeded(int index, ScratchDatabase before) {
        ScratchDatabase done = seeded.get(index);
        if (done != null) {
            return done;
        }
        ScratchDatabase copy = server.cloneDatabase(before);
        try (Connection connection = copy.connect()) {
            Snapshot snapshot = dialect.snapshot(connection, SnapshotOptions.full());
            dialect.data().seed(connection, snapshot, snapshot.tables().stream().map(Table::qualifiedName).toList(), rows, seed);
        } catch (SQLException e) {
            copy.close();
            throw new InfrastructureException("could not put sample rows in " + copy.name() + ": " + e.getMessage(), e);
        }
        seeded.put(index, copy);
        return copy;
    }

    void close() {
        seeded.values().forEach(ScratchDatabase::close);
    }
}
