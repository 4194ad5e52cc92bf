package dev.schemagate.engine;

import dev.schemagate.check.DataFindings;
import dev.schemagate.check.Finding;
import dev.schemagate.data.RowComparison;
import dev.schemagate.data.RowDifference;
import dev.schemagate.data.TableRows;
import dev.schemagate.migration.Annotation;
import dev.schemagate.migration.Migration;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data check of one migration: the rows every table held before its up script, compared with
 * the rows after up and after down, table by table, in the columns both states have. Tables the up
 * script drops are the schema check's business; rows a table gains are not a loss.
 */
final class RowWatch {

    private final RowCache cache;
    private final Migration migration;
    private final Annotation destructive;
    private final Map<QualifiedName, TableRows> before;
    private final Map<QualifiedName, Long> deletedByUp = new HashMap<>();
    private Map<QualifiedName, TableRows> afterUp = Map.of();
    private Optional<Map<QualifiedName, String>> committing = Optional.empty();

    RowWatch(RowCache cache, Migration migration, Map<QualifiedName, TableRows> before) {
        this.cache = cache;
        this.migration = migration;
        this.destructive = Annotation.find(DataFindings.DESTRUCTIVE, migration.up(), migration.down().orElse(null))
                .orElse(null);
        this.before = before;
    }

    /**
     * The same watch for a cycle on {@code copy}, a copy of the database made since the rows before
     * were read: its tables hold those rows, and the copy's captures read again only what it writes.
     */
    RowWatch onCopy(Connection copy) throws SQLException {
        return new RowWatch(cache.onCopy(copy), migration, before);
    }

    /**
     * For a cycle that went up, down and up again outside a transaction on the database itself: whether
     * every table holds the rows it held after the first up (read again now, the schema being {@code state}
     * again), so that the database stands as the first up left it. The cache keeps what it read.
     */
    boolean asUpLeftThem(Connection connection, Snapshot state) throws SQLException {
        Map<QualifiedName, TableRows> now = cache.capture(connection, state, before.keySet());
        if (!now.keySet().equals(afterUp.keySet())) {
            return false;
        }
        for (Map.Entry<QualifiedName, TableRows> table : now.entrySet()) {
            TableRows then = afterUp.get(table.getKey());
            if (then.truncated() || table.getValue().truncated() || !then.columns().equals(table.getValue().columns())
                    || !RowComparison.compare(then, table.getValue()).same()) {
                return false;
            }
        }
        return true;
    }

    /** After the up script: tables that lost rows (errors) or had values rewritten (notes). */
    List<Finding> afterUp(Connection connection, Snapshot state) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        afterUp = cache.capture(connection, state, before.keySet());
        for (RowDifference rows : compare(afterUp, false)) {
            if (rows.missing() > rows.unexpected()) {
                deletedByUp.put(rows.table(), rows.missing() - rows.unexpected());
                findings.add(DataFindings.upLost(migration, rows, destructive));
            } else if (rows.missing() > 0) {
                findings.add(DataFindings.upChanged(migration, rows));
            }
        }
        return findings;
    }

    /**
     * After the down script: every table that exists again must hold its rows as they were. Rows
     * the up script deleted were reported there, so the down script answers only for the rest; a
     * value left where there was NULL (a backfill the down keeps) is no loss.
     */
    List<Finding> afterDown(Connection connection, Snapshot state) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        for (RowDifference rows : compare(cache.capture(connection, state, before.keySet()), true)) {
            long ownLoss = rows.missing() - deletedByUp.getOrDefault(rows.table(), 0L);
            if (ownLoss > 0) {
                findings.add(DataFindings.downLost(migration, rows, ownLoss, destructive));
            }
        }
        return findings;
    }

    /**
     * The transaction is about to commit the tables as up left them when {@link #afterUp} read their rows
     * ({@link MigrationCycle#runKeeping}): reads the marks it has written them with, for {@link #kept}.
     */
    void beforeCommit(Connection connection) throws SQLException {
        committing = cache.marksToCommit(connection);
    }

    /** The database kept the migration applied once: the rows {@link #afterUp} read are what the tables hold now. */
    void kept(Connection connection, Snapshot state) throws SQLException {
        cache.adopt(connection, state, afterUp, committing);
    }

    private List<RowDifference> compare(Map<QualifiedName, TableRows> now, boolean nullsMayFill) {
        List<RowDifference> differences = new ArrayList<>();
        before.forEach((table, rows) -> {
            TableRows after = now.get(table);
            if (after != null && after != rows) {
                RowDifference difference = RowComparison.compare(rows, after, nullsMayFill);
                if (!difference.same()) {
                    differences.add(difference);
                }
            }
        });
        return differences;
    }
}
