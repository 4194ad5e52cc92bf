package dev.schemagate.postgres.ddl;

import dev.schemagate.model.ObjectRef;

/**
 * One statement of the schema writer's, with what it creates or sets, named as a dependency names it
 * (a table, or a part of one such as {@code constraint orders_pkey}), so a plan can order it by the
 * dependencies the target records.
 *
 * @param part what the statement creates or sets, or null when no dependency names it (a schema, an extension)
 */
public record Created(ObjectRef part, String sql) {
}
