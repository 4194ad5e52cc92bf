package dev.schemagate.postgres.ddl;

import dev.schemagate.model.Collation;
import dev.schemagate.model.CompositeType;
import dev.schemagate.model.Dependency;
import dev.schemagate.model.Domain;
import dev.schemagate.model.EnumType;
import dev.schemagate.model.ObjectRef;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.RangeType;
import dev.schemagate.model.Routine;
import dev.schemagate.model.SchemaObject;
import dev.schemagate.model.Sequence;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import dev.schemagate.model.View;
import dev.schemagate.model.dialect.Cast;
import dev.schemagate.model.dialect.ExtendedStatistics;
import dev.schemagate.model.dialect.ForeignDataWrapper;
import dev.schemagate.model.dialect.ForeignServer;
import dev.schemagate.model.dialect.Publication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The dependencies a snapshot records, indexed by their dependent's top-level object, and how each kind of
 * object the model holds is named in them: the one place a kind declares how its dependencies are found.
 * What an object or a part of one {@link #requires} is what orders both a plan's creates ({@link CreateGraph},
 * over the target) and its drops ({@link DropGraph}, over the source, the other way round).
 */
public final class DependencyGraph {

    /** The kind each record of the model is, in a dependency. */
    private static final Map<Class<?>, ObjectRef.Kind> KINDS = Map.of(Collation.class, ObjectRef.Kind.COLLATION,
            EnumType.class, ObjectRef.Kind.ENUM_TYPE, Domain.class, ObjectRef.Kind.DOMAIN,
            CompositeType.class, ObjectRef.Kind.COMPOSITE_TYPE, RangeType.class, ObjectRef.Kind.RANGE_TYPE,
            Sequence.class, ObjectRef.Kind.SEQUENCE, Table.class, ObjectRef.Kind.TABLE, View.class, ObjectRef.Kind.VIEW,
            Routine.class, ObjectRef.Kind.ROUTINE, ExtendedStatistics.class, ObjectRef.Kind.STATISTICS);

    private final Snapshot snapshot;
    private final Map<ObjectRef, List<Dependency>> byDependent = new HashMap<>();

    public DependencyGraph(Snapshot snapshot) {
        this.snapshot = snapshot;
        for (Dependency dependency : snapshot.dependencies()) {
            byDependent.computeIfAbsent(dependency.dependent().object(), k -> new ArrayList<>()).add(dependency);
        }
    }

    /** What the object, or any part of it, needs. */
    public List<Dependency> needs(ObjectRef object) {
        return byDependent.getOrDefault(object.object(), List.of());
    }

    /**
     * What must stand for the part to stand: its object, and what that part needs; for a whole object (no
     * member), what the object itself, its columns and its attributes need (its other parts are units of
     * their own).
     */
    public List<ObjectRef> requires(ObjectRef part) {
        String member = part.member();
        if (member != null) {
            List<ObjectRef> needs = new ArrayList<>(requires(part.object(), member::equals));
            needs.add(0, part.object());
            return needs;
        }
        return requires(part, m -> m == null || m.startsWith("column ") || m.startsWith("attribute "));
    }

    /**
     * What the parts of {@code object} that {@code parts} accepts need (a null member stands for the object
     * itself): what {@code pg_depend} records for them and, when the object itself counts, what its kind
     * needs that {@code pg_depend} records otherwise or not at all: a table its parents, a view or routine
     * the relations it reads, a statistics object its table and columns, a publication its tables, a cast
     * its function and types, a foreign-data wrapper its functions, a server its wrapper.
     */
    public List<ObjectRef> requires(ObjectRef object, Predicate<String> parts) {
        Set<ObjectRef> needs = new LinkedHashSet<>();
        for (Dependency dependency : needs(object)) {
            if (parts.test(dependency.dependent().member())) {
                needs.add(dependency.referenced());
            }
        }
        if (parts.test(null)) {
            needs.addAll(structural(object));
        }
        return List.copyOf(needs);
    }

    /** The top-level objects the object, or any part of it, requires. */
    public List<ObjectRef> requiredObjects(ObjectRef object) {
        return requires(object.object(), member -> true).stream().map(ObjectRef::object).distinct().toList();
    }

    private List<ObjectRef> structural(ObjectRef object) {
        QualifiedName name = QualifiedName.of(object.schema(), object.name());
        return switch (object.kind()) {
            case TABLE -> relations(snapshot.table(name).map(Table::parents));
            case VIEW -> relations(snapshot.view(name).map(View::dependsOn));
            case ROUTINE -> relations(snapshot.routines().stream().filter(r -> ref(r).equals(object.object()))
                    .findFirst().map(Routine::dependsOn));
            case STATISTICS -> snapshot.postgres().statistics(name).map(this::covered).orElse(List.of());
            case PUBLICATION -> relations(snapshot.postgres().publication(object.name()).map(p -> p.tables().stream()
                    .map(SchemaObject::qualifiedName).toList()));
            case CAST -> snapshot.postgres().cast(object.name()).map(this::converts).orElse(List.of());
            case FOREIGN_DATA_WRAPPER -> snapshot.postgres().foreignDataWrapper(object.name()).map(wrapper ->
                    snapshot.routines().stream().filter(r -> Sql.name(r).equals(wrapper.handler())
                            || Sql.name(r).equals(wrapper.validator())).map(DependencyGraph::ref).toList()).orElse(List.of());
            case FOREIGN_SERVER -> snapshot.postgres().foreignServer(object.name()).map(server -> List.of(
                    new ObjectRef(ObjectRef.Kind.FOREIGN_DATA_WRAPPER, "", server.wrapper(), null))).orElse(List.of());
            default -> List.of();
        };
    }

    private List<ObjectRef> relations(Optional<List<QualifiedName>> names) {
        return names.orElse(List.of()).stream().map(relation -> relation(snapshot, relation)).toList();
    }

    /** A statistics object needs its table and each column it covers. */
    private List<ObjectRef> covered(ExtendedStatistics statistics) {
        List<ObjectRef> needs = new ArrayList<>();
        ObjectRef table = relation(snapshot, statistics.table());
        needs.add(table);
        statistics.columns().forEach(column -> needs.add(new ObjectRef(table.kind(), table.schema(), table.name(),
                "column " + column)));
        return needs;
    }

    /** A cast needs its function and the types it converts between, where the snapshot holds them. */
    private List<ObjectRef> converts(Cast cast) {
        List<ObjectRef> needs = new ArrayList<>();
        snapshot.routines().stream().filter(r -> (Sql.name(r) + "(" + r.identityArguments() + ")").equals(cast.function()))
                .forEach(r -> needs.add(ref(r)));
        List<String> types = List.of(TypeDdl.withoutModifiers(cast.source()), TypeDdl.withoutModifiers(cast.target()));
        Stream.of(snapshot.postgres().enums(), snapshot.postgres().domains(),
                        snapshot.postgres().compositeTypes(), snapshot.postgres().rangeTypes())
                .flatMap(List::stream).map(SchemaObject.class::cast)
                .filter(type -> types.contains(Sql.name(type))).forEach(type -> needs.add(ref(type)));
        return needs;
    }

    /** How a dependency names a cast: by its types, in no schema. */
    public static ObjectRef ref(Cast cast) {
        return new ObjectRef(ObjectRef.Kind.CAST, "", cast.signature(), null);
    }

    /** How a dependency names a publication, which is in no schema. */
    public static ObjectRef ref(Publication publication) {
        return new ObjectRef(ObjectRef.Kind.PUBLICATION, "", publication.name(), null);
    }

    /** How a dependency names a foreign-data wrapper, which is in no schema. */
    public static ObjectRef ref(ForeignDataWrapper wrapper) {
        return new ObjectRef(ObjectRef.Kind.FOREIGN_DATA_WRAPPER, "", wrapper.name(), null);
    }

    /** How a dependency names a foreign server, which is in no schema. */
    public static ObjectRef ref(ForeignServer server) {
        return new ObjectRef(ObjectRef.Kind.FOREIGN_SERVER, "", server.name(), null);
    }

    /** How a dependency names the object. */
    public static ObjectRef ref(SchemaObject object) {
        ObjectRef.Kind kind = KINDS.get(object.getClass());
        if (kind == null) {
            throw new IllegalArgumentException("no dependency kind for " + object.getClass().getSimpleName());
        }
        String name = object instanceof Routine routine ? routine.name() + "(" + routine.identityArguments() + ")"
                : object.name();
        return new ObjectRef(kind, object.schema(), name, null);
    }

    /** A part of the object ({@code constraint orders_pkey}, {@code column code}), as a dependency names it. */
    public static ObjectRef part(SchemaObject object, String member) {
        ObjectRef whole = ref(object);
        return new ObjectRef(whole.kind(), whole.schema(), whole.name(), member);
    }

    /** A relation (table or view) by its name, as a dependency names it. */
    public static ObjectRef relation(Snapshot snapshot, QualifiedName name) {
        ObjectRef.Kind kind = snapshot.view(name).isPresent() ? ObjectRef.Kind.VIEW : ObjectRef.Kind.TABLE;
        return new ObjectRef(kind, name.schema(), name.name(), null);
    }
}
