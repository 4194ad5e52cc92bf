package dev.schemagate.model.dialect;

import dev.schemagate.model.Canonical;
import dev.schemagate.model.Collation;
import dev.schemagate.model.CompositeType;
import dev.schemagate.model.Domain;
import dev.schemagate.model.EnumType;
import dev.schemagate.model.EventTrigger;
import dev.schemagate.model.Extension;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.RangeType;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of object only PostgreSQL has, as one component of a snapshot: every other dialect
 * leaves it {@link #NONE}, as does a PostgreSQL database without any of them.
 *
 * @param enums the named enum types ({@code CREATE TYPE ... AS ENUM}); other dialects' enums are column types
 * @param casts the casts users created, by source and target type
 * @param statistics the extended statistics objects ({@code CREATE STATISTICS})
 * @param publications the publications of logical replication, by name
 * @param foreignDataWrappers the foreign-data wrappers outside extensions, by name
 * @param foreignServers the foreign servers, by name
 */
public record PostgresObjects(List<Extension> extensions, List<Collation> collations, List<EnumType> enums,
                              List<Domain> domains, List<CompositeType> compositeTypes, List<RangeType> rangeTypes,
                              List<EventTrigger> eventTriggers, List<Cast> casts, List<ExtendedStatistics> statistics,
                              List<Publication> publications, List<ForeignDataWrapper> foreignDataWrappers,
                              List<ForeignServer> foreignServers) implements DialectOwn {

    /** None of PostgreSQL's own kinds. */
    public static final PostgresObjects NONE = new PostgresObjects(null, null, null, null, null, null, null,
            null, null, null, null, null);

    public PostgresObjects {
        extensions = Canonical.sorted(extensions, Comparator.comparing(Extension::name));
        collations = Canonical.sorted(collations, Canonical.byQualifiedName());
        enums = Canonical.sorted(enums, Canonical.byQualifiedName());
        domains = Canonical.sorted(domains, Canonical.byQualifiedName());
        compositeTypes = Canonical.sorted(compositeTypes, Canonical.byQualifiedName());
        rangeTypes = Canonical.sorted(rangeTypes, Canonical.byQualifiedName());
        eventTriggers = Canonical.sorted(eventTriggers, Comparator.comparing(EventTrigger::name));
        casts = Canonical.sorted(casts, Comparator.comparing(Cast::source).thenComparing(Cast::target));
        statistics = Canonical.sorted(statistics, Canonical.byQualifiedName());
        publications = Canonical.sorted(publications, Comparator.comparing(Publication::name));
        foreignDataWrappers = Canonical.sorted(foreignDataWrappers, Comparator.comparing(ForeignDataWrapper::name));
        foreignServers = Canonical.sorted(foreignServers, Comparator.comparing(ForeignServer::name));
    }

    /** Null (a snapshot of another dialect, or a file that leaves the component out) means none. */
    public static PostgresObjects orNone(PostgresObjects objects) {
        return objects == null ? NONE : objects;
    }

    public Optional<Extension> extension(String name) {
        return Canonical.find(extensions, Extension::name, name);
    }

    public Optional<EnumType> enumType(QualifiedName name) {
        return Canonical.find(enums, name);
    }

    public Optional<Domain> domain(QualifiedName name) {
        return Canonical.find(domains, name);
    }

    public Optional<EventTrigger> eventTrigger(String name) {
        return Canonical.find(eventTriggers, EventTrigger::name, name);
    }

    public Optional<ExtendedStatistics> statistics(QualifiedName name) {
        return Canonical.find(statistics, name);
    }

    public Optional<Publication> publication(String name) {
        return Canonical.find(publications, Publication::name, name);
    }

    public Optional<Cast> cast(String signature) {
        return casts.stream().filter(cast -> cast.signature().equals(signature)).findFirst();
    }

    public Optional<ForeignDataWrapper> foreignDataWrapper(String name) {
        return Canonical.find(foreignDataWrappers, ForeignDataWrapper::name, name);
    }

    public Optional<ForeignServer> foreignServer(String name) {
        return Canonical.find(foreignServers, ForeignServer::name, name);
    }
}
