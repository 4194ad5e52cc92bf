package dev.schemagate.model;

import dev.schemagate.model.dialect.MysqlView;
import dev.schemagate.model.dialect.PostgresView;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A view or materialized view: what every dialect has in fields of its own, what one dialect alone
 * says in that dialect's component. Materialized views are PostgreSQL's alone among the dialects
 * read today, but a kind of view many databases have; a dialect without them leaves
 * {@code materialized} false and {@code populated} true.
 *
 * @param definition the query as the database gives it back ({@code pg_get_viewdef}, the text of {@code CREATE VIEW})
 * @param columns    the output columns in order, with their types (and any defaults or comments)
 * @param populated  for a materialized view, false when created WITH NO DATA; always true for a view
 * @param dependsOn  the tables, views and materialized views the query reads, sorted
 * @param indexes    a materialized view's indexes
 * @param triggers   its INSTEAD OF triggers (PostgreSQL, SQLite)
 * @param postgres   what PostgreSQL alone says about the view; {@link PostgresView#DEFAULTS} for every other dialect
 * @param mysql      what MySQL and MariaDB alone say about the view; null for every other dialect
 */
public record View(String schema, String name, boolean materialized, String definition, List<Column> columns,
                   boolean populated, List<QualifiedName> dependsOn, List<Index> indexes, List<Trigger> triggers,
                   String owner, String comment, Privileges privileges, PostgresView postgres, MysqlView mysql)
        implements SchemaObject {

    public View {
        columns = Canonical.kept(columns);
        dependsOn = Canonical.sorted(dependsOn, QualifiedName.ORDER);
        indexes = Canonical.sorted(indexes, Comparator.comparing(Index::name));
        triggers = Canonical.sorted(triggers, Comparator.comparing(Trigger::name));
        privileges = Privileges.orNone(privileges);
        postgres = PostgresView.orDefaults(postgres);
    }

    /** A view of a dialect with nothing of its own to add. */
    public View(String schema, String name, boolean materialized, String definition, List<Column> columns,
                boolean populated, List<QualifiedName> dependsOn, List<Index> indexes, List<Trigger> triggers,
                String owner, String comment, Privileges privileges) {
        this(schema, name, materialized, definition, columns, populated, dependsOn, indexes, triggers, owner, comment,
                privileges, null, null);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
    }
}
