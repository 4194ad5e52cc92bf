package dev.schemagate.model.dialect;

import dev.schemagate.model.Canonical;
import dev.schemagate.model.SchemaObject;

import java.util.List;

/**
 * One table a {@link Publication} names, with what of it is published.
 *
 * @param columns the columns published (PostgreSQL 15+), in the table's order; empty for all
 * @param where   the row filter (PostgreSQL 15+), as the server writes it, or null for every row
 */
public record PublishedTable(String schema, String name, List<String> columns, String where) implements SchemaObject {

    public PublishedTable {
        columns = Canonical.kept(columns);
    }
}
