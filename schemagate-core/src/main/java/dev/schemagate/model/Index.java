package dev.schemagate.model;

import java.util.List;

/**
 * An index of a table or materialized view, including those that back a constraint.
 * {@code definition} ({@code pg_get_indexdef}) rebuilds it exactly; the other fields take it apart.
 * An index that a constraint creates has no definition of its own: the constraint's stands for it.
 *
 * @param method           the access method: {@code btree}, {@code gin}...
 * @param keys             the key columns and expressions, in order
 * @param include          the INCLUDE columns
 * @param predicate        the WHERE clause of a partial index, or null
 * @param valid            false for an index left invalid, for example by a failed CREATE INDEX CONCURRENTLY
 * @param constraint       the name of the constraint the index backs, or null
 * @param parent           the partitioned table's index this partition's index is attached to, or null
 * @param options          storage parameters such as {@code fillfactor=70}, sorted
 * @param replicaIdentity  the table's REPLICA IDENTITY USING INDEX
 * @param clustered        the table was CLUSTERed on it
 */
public record Index(String name, boolean unique, boolean nullsNotDistinct, String method, List<IndexKey> keys,
                    List<String> include, String predicate, boolean valid, String definition, String constraint,
                    QualifiedName parent, List<String> options, boolean replicaIdentity, boolean clustered,
                    String comment) {

    public Index {
        keys = Canonical.kept(keys);
        include = Canonical.kept(include);
        options = Canonical.sorted(options, String::compareTo);
    }
}
