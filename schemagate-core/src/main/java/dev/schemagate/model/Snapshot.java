package dev.schemagate.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The schema of one database at one moment, as a value: every list is in a canonical order, so
 * two snapshots of the same schema are {@code equals}, and comparing snapshots is how Schemagate
 * sees what a migration did. {@code dependencies} are the links between objects the database
 * records, which order a plan's drops and creates. {@code mysql} holds the kinds of object only
 * MySQL and MariaDB have; it is {@link MysqlObjects#NONE}, never null, for every other dialect.
 */
public record Snapshot(List<Schema> schemas, List<Extension> extensions, List<Collation> collations,
                       List<EnumType> enums, List<Domain> domains, List<CompositeType> compositeTypes,
                       List<RangeType> rangeTypes, List<Sequence> sequences, List<Table> tables, List<View> views,
                       List<Routine> routines, List<EventTrigger> eventTriggers, List<Dependency> dependencies,
                       MysqlObjects mysql) {

    public Snapshot {
        schemas = Canonical.sorted(schemas, Comparator.comparing(Schema::name));
        extensions = Canonical.sorted(extensions, Comparator.comparing(Extension::name));
        collations = Canonical.sorted(collations, Canonical.byQualifiedName());
        enums = Canonical.sorted(enums, Canonical.byQualifiedName());
        domains = Canonical.sorted(domains, Canonical.byQualifiedName());
        compositeTypes = Canonical.sorted(compositeTypes, Canonical.byQualifiedName());
        rangeTypes = Canonical.sorted(rangeTypes, Canonical.byQualifiedName());
        sequences = Canonical.sorted(sequences, Canonical.byQualifiedName());
        tables = Canonical.sorted(tables, Canonical.byQualifiedName());
        views = Canonical.sorted(views, Canonical.byQualifiedName());
        routines = Canonical.sorted(routines, Routine.ORDER);
        eventTriggers = Canonical.sorted(eventTriggers, Comparator.comparing(EventTrigger::name));
        dependencies = Canonical.sorted(dependencies, Dependency.ORDER);
        mysql = mysql == null ? MysqlObjects.NONE : mysql;
    }

    /** A snapshot without any of MySQL's own kinds of object, as every other dialect reads one. */
    public Snapshot(List<Schema> schemas, List<Extension> extensions, List<Collation> collations,
                    List<EnumType> enums, List<Domain> domains, List<CompositeType> compositeTypes,
                    List<RangeType> rangeTypes, List<Sequence> sequences, List<Table> tables, List<View> views,
                    List<Routine> routines, List<EventTrigger> eventTriggers, List<Dependency> dependencies) {
        this(schemas, extensions, collations, enums, domains, compositeTypes, rangeTypes, sequences, tables, views,
                routines, eventTriggers, dependencies, null);
    }

    /** A database with nothing in it, not even the public schema. */
    public static Snapshot empty() {
        return new Snapshot(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public Optional<Schema> schema(String name) {
        return Canonical.find(schemas, Schema::name, name);
    }

    public Optional<Extension> extension(String name) {
        return Canonical.find(extensions, Extension::name, name);
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

    public Optional<EnumType> enumType(QualifiedName name) {
        return Canonical.find(enums, name);
    }

    public Optional<Domain> domain(QualifiedName name) {
        return Canonical.find(domains, name);
    }

    /** All overloads of a function or procedure name. */
    public List<Routine> routines(QualifiedName name) {
        return routines.stream().filter(routine -> routine.qualifiedName().equals(name)).toList();
    }

    public Optional<EventTrigger> eventTrigger(String name) {
        return Canonical.find(eventTriggers, EventTrigger::name, name);
    }
}
