package dev.schemagate.engine;

import dev.schemagate.check.CascadeReach;
import dev.schemagate.check.Finding;
import dev.schemagate.check.ProbeFindings;
import dev.schemagate.data.ConstraintProber;
import dev.schemagate.data.ProbeOutcome;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The probes check along a verify run's walk: after each migration of the change, the cascades it
 * added and their reach; after the last migration (and, when history is only applied, after each
 * migration of the change) every constraint probed on the working database, in a transaction that is
 * rolled back. A broken promise is reported once, at the migration after which it was first seen.
 */
final class ConstraintProbing {

    private final Dialect dialect;
    private final MigrationSet set;
    private final List<Migration> migrations;
    private final HistoryCut cut;
    private final boolean enabled;
    private final Optional<ConstraintProber> prober;
    private final Set<String> reported = new HashSet<>();
    private final CascadeReach.Seen cascades = new CascadeReach.Seen();
    private List<ProbeOutcome> outcomes = List.of();

    ConstraintProbing(Dialect dialect, VerifyOptions options, MigrationSet set, HistoryCut cut) {
        this.dialect = dialect;
        this.set = set;
        this.migrations = set.migrations();
        this.cut = cut;
        this.enabled = options.runs(CheckName.PROBES);
        this.prober = dialect.prober();
    }

    /**
     * Called once a migration (number {@code index}) applied to the working database; {@code state}
     * is its schema when the walk has read it, else null.
     */
    void applied(int index, Connection connection, Snapshot state, List<Finding> findings) throws SQLException {
        if (enabled && prober.isEmpty() && index == 0) {
            findings.add(ProbeFindings.unavailable(set, dialect.id()));
        }
        if (!enabled || prober.isEmpty()) {
            return;
        }
        Migration migration = migrations.get(index);
        boolean last = index == migrations.size() - 1;
        boolean past = cut.isHistory(migration);
        boolean nextChecked = !last && !cut.isHistory(migrations.get(index + 1));
        if (past && !nextChecked) {
            return;
        }
        Snapshot now = state != null ? state : dialect.snapshot(connection, SnapshotOptions.full());
        List<CascadeReach.Reach> added = CascadeReach.added(cascades, now);
        if (!past) {
            added.forEach(reach -> findings.add(ProbeFindings.cascade(migration, reach)));
        }
        boolean gatingChange = migrations.stream().anyMatch(cut::isHistory);
        if (!past && (last || gatingChange)) {
            probe(migration, connection, now, findings);
        }
    }

    private void probe(Migration migration, Connection connection, Snapshot now, List<Finding> findings) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            outcomes = prober.get().probe(connection, now);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        for (ProbeOutcome outcome : outcomes) {
            if (outcome.verdict() == ProbeOutcome.Verdict.BROKEN && reported.add(outcome.key())) {
                findings.add(ProbeFindings.broken(migration, outcome));
            }
        }
    }

    /** What the last probing found, one outcome per probe; empty when none ran. */
    List<ProbeOutcome> outcomes() {
        return outcomes;
    }
}
