package dev.schemagate.postgres.plan;

import dev.schemagate.diff.RecordFields;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Routine;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import dev.schemagate.model.dialect.Cast;
import dev.schemagate.model.dialect.ExtendedStatistics;
import dev.schemagate.model.dialect.Publication;
import dev.schemagate.model.dialect.PublishedTable;
import dev.schemagate.postgres.ddl.DependencyGraph;
import dev.schemagate.postgres.ddl.PlanDdl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How a plan changes casts, extended statistics and publications. A cast (there is no ALTER CAST) is
 * dropped and created again when it changes or its function or a type of it goes; a statistics object
 * when what it covers changes, its table goes or a column it covers goes or changes type (its target
 * alone is set in place); a publication changes in place (tables and schemas added and dropped, options
 * set) unless it starts or stops publishing all tables. Comments and owners are the access step's.
 */
final class DatabaseObjectPlan {

    private final Snapshot from;
    private final Snapshot to;
    private final Dropped dropped;
    private final Set<QualifiedName> tablesAltered;

    DatabaseObjectPlan(Snapshot from, Snapshot to, Dropped dropped, Set<QualifiedName> tablesAltered) {
        this.from = from;
        this.to = to;
        this.dropped = dropped;
        this.tablesAltered = tablesAltered;
    }

    boolean castGoes(Cast cast) {
        Optional<Cast> target = to.postgres().cast(cast.signature());
        return target.isEmpty() || !RecordFields.sameExcept(cast, target.get(), "comment")
                || from.routines().stream().filter(r -> dropped.routines.contains(r.signature()))
                .anyMatch(r -> function(r).equals(cast.function()))
                || Set.of(PlanDdl.typeName(cast.source()), PlanDdl.typeName(cast.target())).stream()
                .anyMatch(type -> dropped.types.contains(type) || dropped.retypedEnums.contains(type));
    }

    boolean statisticsGo(ExtendedStatistics statistics) {
        Optional<ExtendedStatistics> target = to.postgres().statistics(statistics.qualifiedName());
        if (target.isEmpty() || !RecordFields.sameExcept(statistics, target.get(), "comment", "owner", "target")
                || dropped.tables.contains(statistics.table()) || dropped.views.contains(statistics.table())) {
            return true;
        }
        Optional<Table> before = from.table(statistics.table());
        Optional<Table> after = to.table(statistics.table());
        if (before.isEmpty() || after.isEmpty()) {
            return before.isPresent() != after.isPresent();
        }
        return !statistics.expressions().isEmpty() && tablesAltered.contains(statistics.table())
                || statistics.columns().stream().anyMatch(name -> !Objects.equals(
                before.get().column(name).map(c -> c.type()), after.get().column(name).map(c -> c.type())));
    }

    boolean publicationGoes(Publication publication) {
        return to.postgres().publication(publication.name()).map(t -> t.allTables() != publication.allTables())
                .orElse(true);
    }

    /** Casts, statistics and publications the plan drops, each before what it needs goes. */
    void drops(DropOrder drops) {
        Steps publications = new Steps();
        for (Publication publication : from.postgres().publications()) {
            if (publicationGoes(publication)) {
                publications.add("DROP PUBLICATION " + PlanDdl.ident(publication.name()));
            } else {
                dropTables(publication, to.postgres().publication(publication.name()).orElseThrow(), drops);
            }
        }
        drops.fixed(publications);
        from.postgres().statistics().stream().filter(this::statisticsGo).forEach(s -> drops.dropped(DependencyGraph.ref(s),
                one("DROP STATISTICS " + PlanDdl.name(s))));
        from.postgres().casts().stream().filter(this::castGoes).forEach(c -> drops.dropped(DependencyGraph.ref(c),
                one("DROP CAST " + c.signature())));
    }

    /** The tables and schemas a kept publication stops publishing, or publishes otherwise, leave it while they stand. */
    private void dropTables(Publication publication, Publication target, DropOrder drops) {
        String alter = "ALTER PUBLICATION " + PlanDdl.ident(publication.name());
        for (PublishedTable table : publication.tables()) {
            if (!dropped.tables.contains(table.qualifiedName()) && !target.tables().contains(table)) {
                drops.before(List.of(DependencyGraph.relation(from, table.qualifiedName())),
                        one(alter + " DROP TABLE ONLY " + PlanDdl.name(table)));
            }
        }
        Steps schemas = new Steps();
        publication.schemas().stream().filter(s -> !target.schemas().contains(s))
                .forEach(s -> schemas.add(alter + " DROP TABLES IN SCHEMA " + PlanDdl.ident(s)));
        drops.fixed(schemas);
    }

    /** What changes in place: statistics targets, and the tables, schemas and options of kept publications. */
    void changes(CreateOrder creates) {
        Steps targets = new Steps();
        from.postgres().statistics().stream().filter(s -> !statisticsGo(s)).forEach(s -> {
            ExtendedStatistics target = to.postgres().statistics(s.qualifiedName()).orElseThrow();
            if (!Objects.equals(s.target(), target.target())) {
                targets.add("ALTER STATISTICS " + PlanDdl.name(s) + " SET STATISTICS "
                        + (target.target() == null ? -1 : target.target()));
            }
        });
        creates.fixed(targets);
        for (Publication publication : from.postgres().publications()) {
            if (!publicationGoes(publication)) {
                Publication target = to.postgres().publication(publication.name()).orElseThrow();
                creates.changes(DependencyGraph.ref(target), false, member -> member == null, alterPublication(publication, target));
            }
        }
    }

    private Steps alterPublication(Publication publication, Publication target) {
        String alter = "ALTER PUBLICATION " + PlanDdl.ident(publication.name());
        Steps steps = new Steps();
        for (PublishedTable table : target.tables()) {
            if (!publication.tables().contains(table) || dropped.tables.contains(table.qualifiedName())) {
                steps.add(alter + " ADD TABLE " + PlanDdl.publishedTable(table));
            }
        }
        target.schemas().stream().filter(s -> !publication.schemas().contains(s))
                .forEach(s -> steps.add(alter + " ADD TABLES IN SCHEMA " + PlanDdl.ident(s)));
        if (!publication.operations().equals(target.operations()) || publication.viaRoot() != target.viaRoot()) {
            steps.add(alter + " SET (publish = " + PlanDdl.literal(String.join(", ", target.operations()))
                    + ", publish_via_partition_root = " + target.viaRoot() + ")");
        }
        return steps;
    }

    /** The casts the plan creates: new ones and those it dropped. */
    List<Cast> createdCasts() {
        return to.postgres().casts().stream().filter(c -> from.postgres().cast(c.signature()).map(this::castGoes)
                .orElse(true)).toList();
    }

    List<ExtendedStatistics> createdStatistics() {
        return to.postgres().statistics().stream().filter(s -> from.postgres().statistics(s.qualifiedName())
                .map(this::statisticsGo).orElse(true)).toList();
    }

    List<Publication> createdPublications() {
        return to.postgres().publications().stream().filter(p -> from.postgres().publication(p.name())
                .map(this::publicationGoes).orElse(true)).toList();
    }

    /** Those of the source the plan keeps: what comments and owners are compared with. */
    List<Cast> keptCasts() {
        return from.postgres().casts().stream().filter(Predicate.not(this::castGoes)).toList();
    }

    List<ExtendedStatistics> keptStatistics() {
        return from.postgres().statistics().stream().filter(Predicate.not(this::statisticsGo)).toList();
    }

    List<Publication> keptPublications() {
        return from.postgres().publications().stream().filter(Predicate.not(this::publicationGoes)).toList();
    }

    private static String function(Routine routine) {
        return PlanDdl.name(routine) + "(" + routine.identityArguments() + ")";
    }

    private static Steps one(String sql) {
        Steps steps = new Steps();
        steps.add(sql);
        return steps;
    }
}
