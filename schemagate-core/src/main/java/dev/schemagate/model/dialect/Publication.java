package dev.schemagate.model.dialect;

import dev.schemagate.model.Canonical;

import java.util.List;

/**
 * A publication ({@code CREATE PUBLICATION}): the changes logical replication sends to subscribers.
 * A schema that lacks it, or publishes other tables, stops or changes what subscribers receive.
 *
 * @param allTables  {@code FOR ALL TABLES}
 * @param tables     the tables it publishes by name, by qualified name
 * @param schemas    the schemas whose tables it publishes ({@code TABLES IN SCHEMA}, PostgreSQL 15+), sorted
 * @param operations the changes it publishes, of {@code insert}, {@code update}, {@code delete}, {@code truncate}
 * @param viaRoot    {@code publish_via_partition_root}: a partition's changes are sent as its root table's
 */
public record Publication(String name, boolean allTables, List<PublishedTable> tables, List<String> schemas,
                          List<String> operations, boolean viaRoot, String owner, String comment) {

    public Publication {
        tables = Canonical.sorted(tables, Canonical.byQualifiedName());
        schemas = Canonical.sorted(schemas, String::compareTo);
        operations = Canonical.kept(operations);
    }
}
