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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dependencies a snapshot records, indexed by their dependent's top-level object, and how each kind of
 * object the model holds is named in them: the one place a kind declares how its dependencies are found.
 */
public final class DependencyGraph {

    /** The kind each record of the model is, in a dependency. */
    private static final Map<Class<?>, ObjectRef.Kind> KINDS = Map.of(Collation.class, ObjectRef.Kind.COLLATION,
            EnumType.class, ObjectRef.Kind.ENUM_TYPE, Domain.class, ObjectRef.Kind.DOMAIN,
            CompositeType.class, ObjectRef.Kind.COMPOSITE_TYPE, RangeType.class, ObjectRef.Kind.RANGE_TYPE,
            Sequence.class, ObjectRef.Kind.SEQUENCE, Table.class, ObjectRef.Kind.TABLE, View.class, ObjectRef.Kind.VIEW,
            Routine.class, ObjectRef.Kind.ROUTINE);

    private final Map<ObjectRef, List<Dependency>> byDependent = new HashMap<>();

    public DependencyGraph(Snapshot snapshot) {
        for (Dependency dependency : snapshot.dependencies()) {
            byDependent.computeIfAbsent(dependency.dependent().object(), k -> new ArrayList<>()).add(dependency);
        }
    }

    /** What the object, or any part of it, needs. */
    public List<Dependency> needs(ObjectRef object) {
        return byDependent.getOrDefault(object.object(), List.of());
    }

    /** The top-level objects the object, or any part of it, needs. */
    public List<ObjectRef> needed(ObjectRef object) {
        return needs(object).stream().map(d -> d.referenced().object()).distinct().toList();
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
