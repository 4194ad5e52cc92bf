package dev.schemagate.postgres.plan;

import dev.schemagate.diff.RecordFields;
import dev.schemagate.diff.Hazard;
import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.model.Column;
import dev.schemagate.model.ColumnReference;
import dev.schemagate.model.Domain;
import dev.schemagate.model.EnumType;
import dev.schemagate.model.ObjectRef;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Routine;
import dev.schemagate.model.Schema;
import dev.schemagate.model.SchemaObject;
import dev.schemagate.model.Sequence;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import dev.schemagate.model.View;
import dev.schemagate.model.dialect.PostgresObjects;
import dev.schemagate.postgres.ddl.DependencyGraph;
import dev.schemagate.postgres.ddl.PlanDdl;
import dev.schemagate.postgres.observe.PostgresLocks;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Plans the SQL that turns one PostgreSQL schema into another. Objects the target lacks, or that
 * cannot be changed in place, are dropped and created again from the target with the schema writer's
 * own statements; the drops are ordered by the dependencies the source records (dependants first),
 * the creates by those the target records. Tables are altered in place where PostgreSQL allows it,
 * enums that only gained labels are extended.
 */
public final class PostgresPlanner {

    private final Snapshot from;
    private final Snapshot to;
    private final Dropped dropped;
    private final Map<QualifiedName, TableAlteration> alterations = new LinkedHashMap<>();
    private final Set<QualifiedName> sequencesReleased = new HashSet<>();
    private final Map<QualifiedName, TableRebuild> rebuilds = new LinkedHashMap<>();
    /** What ALTER DOMAIN sets on each domain kept, once what it needs is there: defaults, NOT NULL, constraints. */
    private final Map<Domain, Steps> domainChanges = new LinkedHashMap<>();
    private final DatabaseObjectPlan objects;
    private final ForeignPlan foreign;

    private PostgresPlanner(Snapshot from, Snapshot to, boolean columnOrder) {
        this.from = from;
        this.to = to;
        this.dropped = new Dropped(from, to, columnOrder);
        Set<String> droppedFunctions = new HashSet<>();
        from.routines().stream().filter(r -> dropped.routines.contains(r.signature())).forEach(r -> {
            droppedFunctions.add(PlanDdl.name(r));
            droppedFunctions.add(r.qualifiedName().toString());
        });
        Set<QualifiedName> referencesRebuilt = new HashSet<>(dropped.tables);
        from.tables().stream().filter(t -> to.table(t.qualifiedName()).map(target -> keysChange(t, target)).orElse(false))
                .forEach(t -> referencesRebuilt.add(t.qualifiedName()));
        for (Table table : from.tables()) {
            if (dropped.tables.contains(table.qualifiedName())) {
                to.table(table.qualifiedName()).ifPresent(target ->
                        rebuilds.put(table.qualifiedName(), new TableRebuild(table, target, rebuilds.size() + 1)));
            }
        }
        PlanContext context = new PlanContext(from, to, referencesRebuilt, droppedFunctions, dropped.retypedEnums,
                dropped);
        for (Table table : from.tables()) {
            Optional<Table> target = to.table(table.qualifiedName());
            if (target.isPresent() && !dropped.tables.contains(table.qualifiedName())
                    && (!table.equals(target.get()) || touchesDropped(table, referencesRebuilt, droppedFunctions)
                    || dropped.callsDropped(table, null)
                    || table.columns().stream().anyMatch(column -> dropped.retyped(column.type())))) {
                alterations.put(table.qualifiedName(), new TableAlteration(context, table, target.get()));
            }
        }
        this.objects = new DatabaseObjectPlan(from, to, dropped, alterations.keySet());
        this.foreign = new ForeignPlan(from, to);
    }

    /** The statements that turn {@code from} into {@code to}, in the order they must run; column order is left as is. */
    public static MigrationPlan plan(Snapshot from, Snapshot to) {
        return plan(from, to, false);
    }

    /** The plan; with {@code columnOrder}, a table whose columns are in another order is rebuilt, its rows copied. */
    public static MigrationPlan plan(Snapshot from, Snapshot to, boolean columnOrder) {
        return new PostgresPlanner(from, to, columnOrder).build();
    }

    /** A key (primary, unique or exclusion constraint) of the table is dropped or changed. */
    private static boolean keysChange(Table from, Table to) {
        return from.constraints().stream().filter(c -> c.type() != Constraint.Type.CHECK
                        && c.type() != Constraint.Type.FOREIGN_KEY)
                .anyMatch(c -> to.constraint(c.name()).map(t -> !RecordFields.sameExcept(c, t, "comment")).orElse(true));
    }

    private static boolean touchesDropped(Table table, Set<QualifiedName> referencesRebuilt, Set<String> droppedFunctions) {
        return table.constraints().stream().map(Constraint::referencedTable).filter(Objects::nonNull)
                .anyMatch(referencesRebuilt::contains)
                || table.triggers().stream().anyMatch(trigger -> droppedFunctions.contains(trigger.postgres().function()));
    }

    private MigrationPlan build() {
        Snapshot created = created();
        Steps steps = new Steps();
        steps.addAll(drops().ordered());
        retypeEnums(steps);
        steps.addAll(creates(created).ordered());
        sequenceOwners(steps);
        steps.addAll(PlanDdl.access(survivors(), to));
        steps.addAll(PlanDdl.eventTriggers(created));
        if (steps.statements().isEmpty()) {
            return new MigrationPlan(List.of(), PostgresLocks.ACCESS_EXCLUSIVE);
        }
        Steps plan = new Steps();
        plan.add("SET check_function_bodies = false");
        plan.add("SELECT pg_catalog.set_config('search_path', '', false)");
        plan.addAll(steps);
        return new MigrationPlan(new ChangeNames(from, to).name(plan.statements()), PostgresLocks.ACCESS_EXCLUSIVE);
    }

    /**
     * Every create and in-place change, each a unit the target's dependency graph orders; they are
     * added kind by kind, the order that stands where the graph leaves the choice open.
     */
    private CreateOrder creates(Snapshot created) {
        CreateOrder creates = new CreateOrder(to);
        creates.created(PlanDdl.typesAndSequences(created));
        foreign.changes(creates);
        inPlaceTypes(creates);
        replacedRoutines(creates, true);
        alterations.values().forEach(a -> creates.changes(ref(a), true, part("column "), a.columns));
        Steps sequencesDropped = new Steps();
        dropSequences(sequencesDropped);
        creates.fixed(sequencesDropped);
        PlanDdl.Tables tables = PlanDdl.tables(to, created);
        creates.created(tables.own());
        rebuilds.values().forEach(rebuild -> {
            Steps restore = new Steps();
            rebuild.restore(restore);
            creates.changes(DependencyGraph.ref(rebuild.table()), false, member -> member == null, restore);
        });
        alterations.values().forEach(a -> creates.changes(ref(a), false, part("constraint ", "index "), a.addKeys));
        creates.created(tables.references());
        alterations.values().forEach(a -> creates.changes(ref(a), false, part("constraint "), a.addForeignKeys));
        replacedRoutines(creates, false);
        replacedViews(creates);
        creates.created(PlanDdl.programs(created));
        objects.changes(creates);
        alterations.values().forEach(a -> creates.changes(ref(a), false, part("trigger ", "policy "), a.programs));
        return creates;
    }

    /** Accepts the parts whose names start with one of {@code kinds} ({@code "column "}). */
    private static Predicate<String> part(String... kinds) {
        return member -> member != null && Stream.of(kinds).anyMatch(member::startsWith);
    }

    /** What the plan creates: objects only the target has, and those dropped to be created again. */
    private Snapshot created() {
        Predicate<SchemaObject> type = object -> dropped.types.contains(PlanDdl.name(object))
                || from.postgres().enumType(object.qualifiedName()).isEmpty() && from.postgres().domain(object.qualifiedName()).isEmpty()
                && !names(from.postgres().compositeTypes()).contains(object.qualifiedName())
                && !names(from.postgres().rangeTypes()).contains(object.qualifiedName());
        return new Snapshot(
                to.schemas().stream().filter(s -> from.schema(s.name()).isEmpty()).toList(),
                to.sequences().stream().filter(s -> from.sequence(s.qualifiedName()).isEmpty()).toList(),
                to.tables().stream().filter(t -> dropped.tables.contains(t.qualifiedName())
                        || from.table(t.qualifiedName()).isEmpty()).toList(),
                to.views().stream().filter(v -> dropped.views.contains(v.qualifiedName())
                        || from.view(v.qualifiedName()).isEmpty()).toList(),
                to.routines().stream().filter(r -> dropped.routines.contains(r.signature())
                        || from.routines().stream().noneMatch(old -> old.signature().equals(r.signature()))).toList(),
                to.dependencies(),
                new PostgresObjects(
                        to.postgres().extensions().stream().filter(e -> from.postgres().extension(e.name()).isEmpty()).toList(),
                        to.postgres().collations().stream().filter(c -> dropped.collations.contains(c.qualifiedName())
                                || !names(from.postgres().collations()).contains(c.qualifiedName())).toList(),
                        to.postgres().enums().stream().filter(type).toList(),
                        to.postgres().domains().stream().filter(type).toList(),
                        to.postgres().compositeTypes().stream().filter(type).toList(),
                        to.postgres().rangeTypes().stream().filter(type).toList(),
                        to.postgres().eventTriggers().stream().filter(t -> !from.postgres().eventTriggers().contains(t))
                                .toList(), objects.createdCasts(), objects.createdStatistics(), objects.createdPublications(),
                        foreign.createdWrappers(), foreign.createdServers()),
                null);
    }

    private static Set<QualifiedName> names(Collection<? extends SchemaObject> objects) {
        Set<QualifiedName> names = new HashSet<>();
        objects.forEach(object -> names.add(object.qualifiedName()));
        return names;
    }

    /**
     * Every drop of the plan, each a unit of the source's dependency graph: an object dropped whole, or the
     * parts of one table or domain; added kind by kind, the order that stands where the graph leaves the choice open.
     */
    private DropOrder drops() {
        DropOrder drops = new DropOrder(from);
        Steps eventTriggers = new Steps();
        from.postgres().eventTriggers().stream().filter(t -> !to.postgres().eventTriggers().contains(t))
                .forEach(t -> eventTriggers.add("DROP EVENT TRIGGER " + PlanDdl.ident(t.name())));
        drops.fixed(eventTriggers);
        objects.drops(drops);
        for (View view : from.views()) {
            if (dropped.views.contains(view.qualifiedName())) {
                drops.dropped(DependencyGraph.ref(view), one(
                        (view.materialized() ? "DROP MATERIALIZED VIEW " : "DROP VIEW ") + PlanDdl.name(view),
                        Hazard.BLOCKS_READS_AND_WRITES));
            }
        }
        from.routines().stream().filter(r -> dropped.routines.contains(r.signature()))
                .forEach(r -> drops.dropped(DependencyGraph.ref(r), one(dropRoutine(r))));
        alterations.values().forEach(a -> drops.parts(ref(a), a.foreignKeysDropped::contains, a.dropForeignKeys));
        releaseSequences(drops);
        new TableDrops(from, dropped, rebuilds).addTo(drops);
        alterations.values().forEach(a -> drops.parts(ref(a), a.partsDropped::contains, a.dropOthers));
        alterations.values().forEach(a -> drops.parts(ref(a), a.columnsDropped::contains, a.dropColumns));
        from.postgres().domains().forEach(d -> to.postgres().domain(d.qualifiedName()).filter(t -> !dropped.types.contains(PlanDdl.name(t)))
                .ifPresent(t -> {
                    Steps early = new Steps();
                    Steps late = new Steps();
                    TypeChanges.alterDomain(d, t, constraint -> dropped.callsDropped(d, "domain constraint " + constraint), early, late);
                    domainChanges.put(t, late);
                    drops.parts(DependencyGraph.ref(d), member -> member.startsWith("domain constraint "), early);
                }));
        dropTypesAndContainers(drops);
        return drops;
    }

    private static ObjectRef ref(TableAlteration alteration) {
        return DependencyGraph.ref(alteration.table());
    }

    private static Steps one(String sql, Hazard... hazards) {
        Steps steps = new Steps();
        steps.add(sql, hazards);
        return steps;
    }

    private static String dropRoutine(Routine routine) {
        String kind = switch (routine.kind()) {
            case PROCEDURE -> "PROCEDURE ";
            case AGGREGATE -> "AGGREGATE ";
            default -> "FUNCTION ";
        };
        return "DROP " + kind + PlanDdl.name(routine) + "(" + routine.identityArguments() + ")";
    }

    /** Sequences that stay but belong to a column that goes are let go of first, so they are not dropped with it. */
    private void releaseSequences(DropOrder drops) {
        for (Sequence sequence : from.sequences()) {
            ColumnReference owner = sequence.postgres().ownedBy();
            if (owner == null || to.sequence(sequence.qualifiedName()).isEmpty()) {
                continue;
            }
            boolean columnGoes = dropped.tables.contains(owner.table())
                    || to.table(owner.table()).flatMap(t -> t.column(owner.column())).isEmpty();
            if (columnGoes) {
                sequencesReleased.add(sequence.qualifiedName());
                ObjectRef column = new ObjectRef(ObjectRef.Kind.TABLE, owner.table().schema(), owner.table().name(),
                        "column " + owner.column());
                drops.before(List.of(column), one("ALTER SEQUENCE " + PlanDdl.name(sequence) + " OWNED BY NONE"));
            }
        }
    }

    private void dropSequences(Steps steps) {
        for (Sequence sequence : from.sequences()) {
            ColumnReference owner = sequence.postgres().ownedBy();
            boolean goesWithTable = owner != null && !sequencesReleased.contains(sequence.qualifiedName())
                    && (dropped.tables.contains(owner.table())
                    || to.table(owner.table()).flatMap(t -> t.column(owner.column())).isEmpty());
            if (to.sequence(sequence.qualifiedName()).isEmpty() && !goesWithTable) {
                steps.add("DROP SEQUENCE " + PlanDdl.name(sequence), Hazard.DELETES_DATA);
            }
        }
        for (Schema schema : from.schemas()) {
            if (to.schema(schema.name()).isEmpty()) {
                steps.add("DROP SCHEMA " + PlanDdl.ident(schema.name()));
            }
        }
    }

    private void dropTypesAndContainers(DropOrder drops) {
        Stream.of(from.postgres().enums(), from.postgres().domains(), from.postgres().compositeTypes(), from.postgres().rangeTypes())
                .flatMap(List::stream).map(SchemaObject.class::cast)
                .filter(type -> dropped.types.contains(PlanDdl.name(type)))
                .forEach(type -> drops.dropped(DependencyGraph.ref(type),
                        one((type instanceof Domain ? "DROP DOMAIN " : "DROP TYPE ") + PlanDdl.name(type))));
        from.postgres().collations().stream().filter(c -> dropped.collations.contains(c.qualifiedName()))
                .forEach(c -> drops.dropped(DependencyGraph.ref(c), one("DROP COLLATION " + PlanDdl.name(c))));
        Steps extensions = new Steps();
        from.postgres().extensions().stream().filter(e -> to.postgres().extension(e.name()).isEmpty())
                .forEach(e -> extensions.add("DROP EXTENSION " + PlanDdl.ident(e.name())));
        foreign.drops(drops);
        drops.fixed(extensions);
    }

    private void inPlaceTypes(CreateOrder creates) {
        Steps enums = new Steps();
        from.postgres().enums().forEach(e -> to.postgres().enumType(e.qualifiedName()).filter(t -> !dropped.types.contains(PlanDdl.name(t)))
                .filter(t -> !dropped.retypedEnums.contains(PlanDdl.name(t)))
                .ifPresent(t -> TypeChanges.extendEnum(e, t, enums)));
        creates.fixed(enums);
        domainChanges.forEach((domain, steps) -> creates.changes(DependencyGraph.ref(domain), true,
                member -> member == null || member.startsWith("domain constraint "), steps));
        Steps others = new Steps();
        from.sequences().forEach(s -> to.sequence(s.qualifiedName()).ifPresent(t -> TypeChanges.alterSequence(s, t, others)));
        from.postgres().extensions().forEach(e -> to.postgres().extension(e.name()).ifPresent(t -> TypeChanges.alterExtension(e, t, others)));
        creates.fixed(others);
    }

    /**
     * Enums whose labels go or move: a new type, each column converted to it, the old type dropped;
     * before routines over the type are created again, so they take the new one.
     */
    private void retypeEnums(Steps steps) {
        List<EnumType> retyped = to.postgres().enums().stream().filter(e -> dropped.retypedEnums.contains(PlanDdl.name(e))).toList();
        retyped.forEach(e -> TypeChanges.replaceEnum(e, steps));
        for (Table table : from.tables()) {
            Optional<Table> target = to.table(table.qualifiedName());
            if (target.isEmpty() || dropped.tables.contains(table.qualifiedName()) || table.postgres().partitionOf() != null) {
                continue;
            }
            for (Column column : table.columns()) {
                Optional<Column> after = target.get().column(column.name());
                if (dropped.retyped(column.type()) && after.isPresent() && after.get().type().equals(column.type())
                        && PlanContext.inherited(from, table, column.name()).isEmpty()) {
                    EnumType type = retyped.stream().filter(e -> PlanDdl.name(e).equals(PlanDdl.typeName(column.type())))
                            .findFirst().orElseThrow();
                    TypeChanges.convertColumn(type, table, column, after.get(), steps);
                }
            }
        }
        retyped.forEach(e -> TypeChanges.dropOldEnum(e, steps));
    }

    /** Routines that CREATE OR REPLACE changes in place: those that need no relation first, the others after the tables. */
    private void replacedRoutines(CreateOrder creates, boolean early) {
        for (Routine routine : from.routines()) {
            if (dropped.routines.contains(routine.signature()) || routine.dependsOn().isEmpty() != early) {
                continue;
            }
            to.routines().stream().filter(r -> r.signature().equals(routine.signature())).findFirst()
                    .filter(target -> !RecordFields.sameExcept(routine, target, "comment", "owner", "privileges"))
                    .ifPresent(target -> creates.changes(DependencyGraph.ref(target), true, member -> member == null,
                            one(target.definition())));
        }
    }

    /** Views whose query changed but that keep their columns, new ones only at the end: replaced in place, their dependants kept. */
    private void replacedViews(CreateOrder creates) {
        for (View view : from.views()) {
            if (!dropped.views.contains(view.qualifiedName())) {
                to.view(view.qualifiedName()).filter(target -> !RecordFields.sameExcept(view, target, "comment", "owner", "privileges"))
                        .ifPresent(target -> creates.changes(DependencyGraph.ref(target), true, member -> member == null,
                                one(PlanDdl.replaceView(target))));
            }
        }
    }

    private void sequenceOwners(Steps steps) {
        for (Sequence sequence : to.sequences()) {
            Optional<Sequence> before = from.sequence(sequence.qualifiedName());
            ColumnReference was = before.isEmpty() || sequencesReleased.contains(sequence.qualifiedName()) ? null
                    : before.get().postgres().ownedBy();
            ColumnReference owner = sequence.postgres().ownedBy();
            if (!Objects.equals(was, owner)) {
                steps.add("ALTER SEQUENCE " + PlanDdl.name(sequence) + " OWNED BY " + (owner == null ? "NONE"
                        : PlanDdl.name(owner.table()) + "." + PlanDdl.ident(owner.column())));
            }
        }
    }

    /** The source as it stands once the drops have run: what comments, owners and grants are compared with. */
    private Snapshot survivors() {
        return new Snapshot(from.schemas(),
                from.sequences(),
                from.tables().stream().filter(t -> !dropped.tables.contains(t.qualifiedName()))
                        .map(t -> alterations.containsKey(t.qualifiedName())
                                ? alterations.get(t.qualifiedName()).survivor() : t).toList(),
                from.views().stream().filter(v -> !dropped.views.contains(v.qualifiedName())).toList(),
                from.routines().stream().filter(r -> !dropped.routines.contains(r.signature())).toList(),
                from.dependencies(),
                new PostgresObjects(from.postgres().extensions(),
                        from.postgres().collations().stream().filter(c -> !dropped.collations.contains(c.qualifiedName()))
                                .toList(),
                        from.postgres().enums().stream().filter(t -> !dropped.types.contains(PlanDdl.name(t))).toList(),
                        from.postgres().domains().stream().filter(t -> !dropped.types.contains(PlanDdl.name(t))).toList(),
                        from.postgres().compositeTypes().stream().filter(t -> !dropped.types.contains(PlanDdl.name(t)))
                                .toList(),
                        from.postgres().rangeTypes().stream().filter(t -> !dropped.types.contains(PlanDdl.name(t)))
                                .toList(),
                        from.postgres().eventTriggers().stream().filter(to.postgres().eventTriggers()::contains).toList(),
                        objects.keptCasts(), objects.keptStatistics(), objects.keptPublications(),
                        foreign.keptWrappers(), foreign.keptServers()), null);
    }
}
