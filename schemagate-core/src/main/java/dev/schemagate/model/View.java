package dev.schemagate.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A view or materialized view.
 *
 * @param definition the query as {@code pg_get_viewdef} gives it
 * @param columns    the output columns in order, with their types (and any defaults or comments)
 * @param options    options such as {@code security_barrier=true} or {@code check_option=local}, sorted
 * @param populated  for a materialized view, false when created WITH NO DATA; always true for a view
 * @param dependsOn  the tables, views and materialized views the query reads, sorted
 * @param indexes    a materialized view's indexes
 */
public record View(String schema, String name, boolean materialized, String definition, List<Column> columns,
                   List<String> options, boolean populated, List<QualifiedName> dependsOn, List<Index> indexes,
                   List<Trigger> triggers, String owner, String comment, Privileges privileges)
        implements SchemaObject {

    public View {
        columns = Canonical.kept(columns);
        options = Canonical.sorted(options, String::compareTo);
        dependsOn = Canonical.sorted(dependsOn, QualifiedName.ORDER);
        indexes = Canonical.sorted(indexes, Comparator.comparing(Index::name));
        triggers = Canonical.sorted(triggers, Comparator.comparing(Trigger::name));
        privileges = Privileges.orNone(privileges);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
    }
}
