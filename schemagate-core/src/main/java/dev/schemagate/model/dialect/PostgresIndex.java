package dev.schemagate.model.dialect;

import dev.schemagate.model.Canonical;
import dev.schemagate.model.QualifiedName;

import java.util.List;

/**
 * What only PostgreSQL says about an index: covering columns, partitioned indexes, storage parameters
 * and the roles a table gives one of its indexes. An index of another dialect, and a plain PostgreSQL
 * index, has {@link #DEFAULTS}.
 *
 * @param nullsNotDistinct a unique index with {@code NULLS NOT DISTINCT} (PostgreSQL 15+): SQLite and
 *                         MySQL always treat nulls as distinct in a unique index
 * @param include          the {@code INCLUDE} columns, which neither SQLite nor MySQL has
 * @param parent           the partitioned table's index this partition's index is attached to, or null
 * @param options          storage parameters such as {@code fillfactor=70}, sorted
 * @param replicaIdentity  the table's {@code REPLICA IDENTITY USING INDEX}
 * @param clustered        the table was {@code CLUSTER}ed on it
 */
public record PostgresIndex(boolean nullsNotDistinct, List<String> include, QualifiedName parent, List<String> options,
                            boolean replicaIdentity, boolean clustered) implements DialectOwn {

    /** No covering column, parent, storage parameter or table role of its own. */
    public static final PostgresIndex DEFAULTS = new PostgresIndex(false, null, null, null, false, false);

    public PostgresIndex {
        include = Canonical.kept(include);
        options = Canonical.sorted(options, String::compareTo);
    }

    /** Null (an index of another dialect, or a file that leaves the component out) means the defaults. */
    public static PostgresIndex orDefaults(PostgresIndex index) {
        return index == null ? DEFAULTS : index;
    }
}
