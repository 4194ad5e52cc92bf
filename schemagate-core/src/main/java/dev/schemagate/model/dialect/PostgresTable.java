package dev.schemagate.model.dialect;

import dev.schemagate.model.Canonical;
import dev.schemagate.model.Policy;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.ReplicaIdentity;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What only PostgreSQL says about a table: how it is stored and logged, partitioning and inheritance
 * as PostgreSQL makes them (tables of their own), and row security. A table of another dialect, and a
 * plain PostgreSQL table, has {@link #PLAIN}.
 *
 * @param unlogged         the table is {@code UNLOGGED}
 * @param partitionKey     for a partitioned table, its key as {@code pg_get_partkeydef} gives it
 *                         ({@code RANGE (created_at)}), else null
 * @param partitionOf      for a partition, its partitioned table, else null
 * @param partitionBound   for a partition, {@code FOR VALUES ...} or {@code DEFAULT}, else null
 * @param inherits         the parents of an inheritance child, in inheritance order (not a partition's parent)
 * @param ofType           the composite type of a typed table ({@code CREATE TABLE t OF type}), else null
 * @param accessMethod     the table access method if not {@code heap}, else null
 * @param options          storage parameters such as {@code fillfactor=50}, sorted
 * @param replicaIdentity  what the table logs to identify changed rows; null is read as {@code DEFAULT}
 * @param rowSecurity      ROW LEVEL SECURITY is enabled
 * @param forceRowSecurity ROW LEVEL SECURITY is forced on the owner too
 */
public record PostgresTable(boolean unlogged, List<Policy> policies, String partitionKey, QualifiedName partitionOf,
                            String partitionBound, List<QualifiedName> inherits, String ofType, String accessMethod,
                            List<String> options, ReplicaIdentity replicaIdentity, boolean rowSecurity,
                            boolean forceRowSecurity) implements DialectOwn {

    /** A logged heap table, neither partitioned nor a partition, child or typed table, without policies. */
    public static final PostgresTable PLAIN = new PostgresTable(false, null, null, null, null, null, null, null, null,
            null, false, false);

    public PostgresTable {
        policies = Canonical.sorted(policies, Comparator.comparing(Policy::name));
        inherits = Canonical.kept(inherits);
        options = Canonical.sorted(options, String::compareTo);
        replicaIdentity = replicaIdentity == null ? ReplicaIdentity.DEFAULT : replicaIdentity;
    }

    /** Null (a table of another dialect, or a file that leaves the component out) means plain. */
    public static PostgresTable orPlain(PostgresTable table) {
        return table == null ? PLAIN : table;
    }

    public Optional<Policy> policy(String policyName) {
        return Canonical.find(policies, Policy::name, policyName);
    }

    /** The tables this one cannot exist without: its partitioned table and its inheritance parents. */
    public List<QualifiedName> parents() {
        return partitionOf == null ? inherits : List.of(partitionOf);
    }
}
