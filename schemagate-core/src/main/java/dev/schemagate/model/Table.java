package dev.schemagate.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A table: plain, unlogged, partitioned, a partition, an inheritance child or a typed table.
 *
 * @param columns          in position order
 * @param partitionKey     for a partitioned table, its key as {@code pg_get_partkeydef} gives it
 *                         ({@code RANGE (created_at)}), else null
 * @param partitionOf      for a partition, its partitioned table, else null
 * @param partitionBound   for a partition, {@code FOR VALUES ...} or {@code DEFAULT}, else null
 * @param inherits         the parents of an inheritance child, in inheritance order (not a partition's parent)
 * @param ofType           the composite type of a typed table ({@code CREATE TABLE t OF type}), else null
 * @param accessMethod     the table access method if not {@code heap}, else null
 * @param options          storage parameters such as {@code fillfactor=50}, sorted
 * @param rowSecurity      ROW LEVEL SECURITY is enabled
 * @param forceRowSecurity ROW LEVEL SECURITY is forced on the owner too
 * @param sqlite           what SQLite alone says about the table; null for every other dialect
 * @param mysql            what MySQL and MariaDB alone say about the table; null for every other dialect
 */
public record Table(String schema, String name, boolean unlogged, List<Column> columns,
                    List<Constraint> constraints, List<Index> indexes, List<Trigger> triggers, List<Policy> policies,
                    String partitionKey, QualifiedName partitionOf, String partitionBound,
                    List<QualifiedName> inherits, String ofType, String accessMethod, List<String> options,
                    ReplicaIdentity replicaIdentity, boolean rowSecurity, boolean forceRowSecurity, String owner,
                    String comment, Privileges privileges, SqliteTable sqlite, MysqlTable mysql) implements SchemaObject {

    public Table {
        columns = Canonical.kept(columns);
        constraints = Canonical.sorted(constraints, Comparator.comparing(Constraint::name));
        indexes = Canonical.sorted(indexes, Comparator.comparing(Index::name));
        triggers = Canonical.sorted(triggers, Comparator.comparing(Trigger::name));
        policies = Canonical.sorted(policies, Comparator.comparing(Policy::name));
        inherits = Canonical.kept(inherits);
        options = Canonical.sorted(options, String::compareTo);
        replicaIdentity = replicaIdentity == null ? ReplicaIdentity.DEFAULT : replicaIdentity;
        privileges = Privileges.orNone(privileges);
    }

    /** A table of a dialect with nothing of its own to add. */
    public Table(String schema, String name, boolean unlogged, List<Column> columns,
                 List<Constraint> constraints, List<Index> indexes, List<Trigger> triggers, List<Policy> policies,
                 String partitionKey, QualifiedName partitionOf, String partitionBound,
                 List<QualifiedName> inherits, String ofType, String accessMethod, List<String> options,
                 ReplicaIdentity replicaIdentity, boolean rowSecurity, boolean forceRowSecurity, String owner,
                 String comment, Privileges privileges) {
        this(schema, name, unlogged, columns, constraints, indexes, triggers, policies, partitionKey, partitionOf,
                partitionBound, inherits, ofType, accessMethod, options, replicaIdentity, rowSecurity, forceRowSecurity,
                owner, comment, privileges, null, null);
    }

    /** A SQLite table. */
    public Table(String schema, String name, boolean unlogged, List<Column> columns,
                 List<Constraint> constraints, List<Index> indexes, List<Trigger> triggers, List<Policy> policies,
                 String partitionKey, QualifiedName partitionOf, String partitionBound,
                 List<QualifiedName> inherits, String ofType, String accessMethod, List<String> options,
                 ReplicaIdentity replicaIdentity, boolean rowSecurity, boolean forceRowSecurity, String owner,
                 String comment, Privileges privileges, SqliteTable sqlite) {
        this(schema, name, unlogged, columns, constraints, indexes, triggers, policies, partitionKey, partitionOf,
                partitionBound, inherits, ofType, accessMethod, options, replicaIdentity, rowSecurity, forceRowSecurity,
                owner, comment, privileges, sqlite, null);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
    }

    public Optional<Constraint> constraint(String constraintName) {
        return Canonical.find(constraints, Constraint::name, constraintName);
    }

    public Optional<Index> index(String indexName) {
        return Canonical.find(indexes, Index::name, indexName);
    }

    public Optional<Trigger> trigger(String triggerName) {
        return Canonical.find(triggers, Trigger::name, triggerName);
    }

    public Optional<Policy> policy(String policyName) {
        return Canonical.find(policies, Policy::name, policyName);
    }

    public Optional<Constraint> primaryKey() {
        return constraints.stream().filter(constraint -> constraint.type() == Constraint.Type.PRIMARY_KEY).findFirst();
    }

    /** The tables this one cannot exist without: its partitioned table and its inheritance parents. */
    public List<QualifiedName> parents() {
        return partitionOf == null ? inherits : List.of(partitionOf);
    }
}
