package dev.schemagate.model;

import dev.schemagate.model.dialect.MysqlObjects;
import dev.schemagate.model.dialect.PostgresObjects;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The schema of one database at one moment, as a value: every list is in a canonical order, so
 * two snapshots of the same schema are {@code equals}, and comparing snapshots is how Schemagate
 * sees what a migration did. {@code dependencies} are the links between objects the database
 * records, which order a plan's drops and creates. The kinds every dialect has are fields of their
 * own; the kinds only one dialect has are in that dialect's component ({@code postgres}, {@code mysql}),
 * never null.
 */
public record Snapshot(List<Schema> schemas, List<Sequence> sequences, List<Table> tables, List<View> views,
                       List<Routine> routines, List<Dependency> dependencies,
                       PostgresObjects postgres, MysqlObjects mysql) {

    public Snapshot {
        schemas = Canonical.sorted(schemas, Comparator.comparing(Schema::name));
        sequences = Canonical.sorted(sequences, Canonical.byQualifiedName());
        tables = Canonical.sorted(tables, Canonical.byQualifiedName());
        views = Canonical.sorted(views, Canonical.byQualifiedName());
        routines = Canonical.sorted(routines, Routine.ORDER);
        dependencies = Canonical.sorted(dependencies, Dependency.ORDER);
        postgres = PostgresObjects.orNone(postgres);
        mysql = MysqlObjects.orNone(mysql);
    }

    /** A database with nothing in it, not even the public schema. */
    public static Snapshot empty() {
        return new Snapshot(null, null, null, null, null, null, null, null);
    }

    /**
     * This snapshot without its tables, views, sequences and dependencies: the schemas, types and
     * routines that the rows of its tables are written in and maintained by.
     */
    public Snapshot withoutRelations() {
        return new Snapshot(schemas, null, null, null, routines, null, postgres, null);
    }

    public Optional<Schema> schema(String name) {
        return Canonical.find(schemas, Schema::name, name);
    }

    public Optional<Table> table(QualifiedName name) {
        return Canonical.find(tables, name);
    }

    public Optional<View> view(QualifiedName name) {
        return Canonical.find(views, name);
    }

    public Optional<Sequence> sequence(QualifiedName name) {
        return Canonical.find(sequences, name);
    }

    /** All overloads of a function or procedure name. */
    public List<Routine> routines(QualifiedName name) {
        return routines.stream().filter(routine -> routine.qualifiedName().equals(name)).toList();
    }
}
