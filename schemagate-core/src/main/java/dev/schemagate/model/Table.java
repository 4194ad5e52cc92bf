package dev.schemagate.model;

import dev.schemagate.model.dialect.MysqlTable;
import dev.schemagate.model.dialect.PostgresTable;
import dev.schemagate.model.dialect.SqliteTable;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A table: what every dialect has (columns, keys, indexes, triggers) in fields of their own, and what
 * one dialect alone says about it in that dialect's component.
 *
 * @param columns  in position order
 * @param postgres what PostgreSQL alone says about the table; {@link PostgresTable#PLAIN} for every other dialect
 * @param sqlite   what SQLite alone says about the table; null for every other dialect
 * @param mysql    what MySQL and MariaDB alone say about the table; null for every other dialect
 */
public record Table(String schema, String name, List<Column> columns, List<Constraint> constraints,
                    List<Index> indexes, List<Trigger> triggers, String owner, String comment, Privileges privileges,
                    PostgresTable postgres, SqliteTable sqlite, MysqlTable mysql) implements SchemaObject {

    public Table {
        columns = Canonical.kept(columns);
        constraints = Canonical.sorted(constraints, Comparator.comparing(Constraint::name));
        indexes = Canonical.sorted(indexes, Comparator.comparing(Index::name));
        triggers = Canonical.sorted(triggers, Comparator.comparing(Trigger::name));
        privileges = Privileges.orNone(privileges);
        postgres = PostgresTable.orPlain(postgres);
    }

    /** A table of a dialect with nothing of its own to add. */
    public Table(String schema, String name, List<Column> columns, List<Constraint> constraints, List<Index> indexes,
                 List<Trigger> triggers, String owner, String comment, Privileges privileges) {
        this(schema, name, columns, constraints, indexes, triggers, owner, comment, privileges, null, null, null);
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

    public Optional<Constraint> primaryKey() {
        return constraints.stream().filter(constraint -> constraint.type() == Constraint.Type.PRIMARY_KEY).findFirst();
    }

    /** The tables this one cannot exist without, in any dialect that makes tables of a table's parts or parents. */
    public List<QualifiedName> parents() {
        return postgres.parents();
    }

    /** A partition, whose rows are also its partitioned table's: counted, seeded and filled through that table. */
    public boolean partition() {
        return postgres.partitionOf() != null;
    }

    /** A partitioned table, whose rows are its partitions'. */
    public boolean partitioned() {
        return postgres.partitionKey() != null;
    }
}
