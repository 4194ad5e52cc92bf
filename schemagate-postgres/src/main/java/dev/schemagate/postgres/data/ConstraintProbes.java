package dev.schemagate.postgres.data;

import dev.schemagate.data.ConstraintProber;
import dev.schemagate.data.ProbeOutcome;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's {@link ConstraintProber}. Tables are probed referenced tables first; each gets a
 * valid row from the constraint-aware seeder's plan ({@link WriteProbe}: kept, so later tables can
 * point at it), and is
 * then given, each under a savepoint rolled back, one row per constraint that breaks only that
 * constraint: the database must refuse it with the SQLSTATE of the constraint's kind, naming it.
 * Foreign keys' ON DELETE and ON UPDATE actions are tried on a fresh parent row and one child
 * ({@link KeyActionProbe}), and deferrable
 * constraints must wait for {@code SET CONSTRAINTS ... IMMEDIATE}. A row security policy is tried as
 * a role of its own, made and dropped inside the transaction.
 */
public final class ConstraintProbes implements ConstraintProber {

    private static final String INSERT_RULES = "SELECT n.nspname, c.relname, string_agg(r.rulename, ', ' ORDER BY r.rulename)"
            + " FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE r.ev_type = '3' AND r.rulename <> '_RETURN' GROUP BY 1, 2";

    @Override
    public List<ProbeOutcome> probe(Connection connection, Snapshot snapshot) throws SQLException {
        ProbeSession session = new ProbeSession(connection);
        Map<QualifiedName, String> rules = new HashMap<>();
        for (List<String> row : session.rows(INSERT_RULES)) {
            rules.put(QualifiedName.of(row.get(0), row.get(1)), row.get(2));
        }
        TableProbe probe = new TableProbe(session, snapshot, rules);
        List<QualifiedName> tables = snapshot.tables().stream().filter(t -> t.postgres().partitionOf() == null)
                .map(Table::qualifiedName).toList();
        List<ProbeOutcome> outcomes = new ArrayList<>();
        for (QualifiedName name : TableOrder.of(snapshot, tables)) {
            outcomes.addAll(probe.run(snapshot.table(name).orElseThrow()));
        }
        return outcomes;
    }

    /** A constraint as {@code SET CONSTRAINTS} names it. */
    static String qualified(QualifiedName table, Constraint constraint) {
        return Quote.ident(table.schema()) + "." + Quote.ident(constraint.name());
    }
}
