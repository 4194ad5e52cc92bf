package dev.schemagate.model.dialect;

import dev.schemagate.model.Canonical;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.SchemaObject;

import java.util.List;

/**
 * An extended statistics object ({@code CREATE STATISTICS}): what the planner learns about columns
 * taken together, so queries over them are planned from it. It belongs to a schema and covers one
 * table.
 *
 * @param table       the table it covers
 * @param columns     the columns it covers, in the table's order
 * @param expressions the expressions it covers (PostgreSQL 14+), as the server writes them
 * @param kinds       {@code ndistinct}, {@code dependencies}, {@code mcv}: those it was asked for, in that order
 * @param target      its statistics target, or null for the default ({@code ALTER STATISTICS ... SET STATISTICS})
 */
public record ExtendedStatistics(String schema, String name, QualifiedName table, List<String> columns,
                                 List<String> expressions, List<String> kinds, Integer target, String owner,
                                 String comment) implements SchemaObject {

    public ExtendedStatistics {
        columns = Canonical.kept(columns);
        expressions = Canonical.kept(expressions);
        kinds = Canonical.kept(kinds);
    }
}
