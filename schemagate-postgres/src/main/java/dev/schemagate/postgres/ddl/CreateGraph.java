package dev.schemagate.postgres.ddl;

import dev.schemagate.model.Dependency;
import dev.schemagate.model.ObjectRef;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Puts what a schema file or a plan creates or sets in dependency order. Each unit creates one
 * object or one part of one (a table, its key, an index, a trigger, a domain constraint), or changes
 * parts of an object kept, and comes after every unit that creates what it needs: what the target
 * records in {@code pg_depend} for that object or part (a column's type, a default's sequence, a
 * function a default, check, index, trigger or policy calls, the key a foreign key references), and
 * the parents of a partition or child table and the relations a view or routine reads. A part
 * always needs its object. Units are added kind by kind (types, routines that read no relation,
 * sequences, tables, keys, foreign keys, views, triggers, policies), by name within a kind; that
 * order stands wherever the graph leaves the choice open, and what a unit needs is moved up before
 * it, so the text is the same on every run. A cycle is broken where it is found.
 *
 * @param <T> the statements of a unit
 */
public final class CreateGraph<T> {

    /** One unit: its statements, what it creates (null: nothing another unit could need) and what it needs. */
    private record Unit<T>(int index, ObjectRef creates, List<ObjectRef> needs, T statements) {
    }

    private final Snapshot target;
    private final DependencyGraph graph;
    private final List<Unit<T>> units = new ArrayList<>();

    /** A graph over the dependencies that {@code target}, the schema being built, records. */
    public CreateGraph(Snapshot target) {
        this.target = target;
        this.graph = new DependencyGraph(target);
    }

    /** Statements that need nothing the graph names and that nothing needs: they keep their place. */
    public void fixed(T statements) {
        add(null, List.of(), statements);
    }

    /** Statements that create {@code part} (null: as {@link #fixed}), needing what that object or part needs. */
    public void created(ObjectRef part, T statements) {
        add(part, part == null ? List.of() : needs(part), statements);
    }

    /**
     * Statements that change {@code object} (one that is kept: an existing table, domain or routine) and
     * the parts of it that {@code parts} accepts ({@code column x}, {@code constraint c}); with
     * {@code provides}, what needs the object comes after them.
     */
    public void changes(ObjectRef object, boolean provides, Predicate<String> parts, T statements) {
        List<ObjectRef> needs = new ArrayList<>(needs(object, parts));
        needs.add(0, object);
        add(provides ? object : null, needs, statements);
    }

    private void add(ObjectRef creates, List<ObjectRef> needs, T statements) {
        units.add(new Unit<>(units.size(), creates, needs, statements));
    }

    /** What an object, or a part of one, needs: for a whole object, also what its columns or attributes need. */
    private List<ObjectRef> needs(ObjectRef part) {
        String member = part.member();
        if (member != null) {
            List<ObjectRef> needs = new ArrayList<>(needs(part.object(), member::equals));
            needs.add(0, part.object());
            return needs;
        }
        return needs(part, m -> m == null || m.startsWith("column ") || m.startsWith("attribute "));
    }

    private List<ObjectRef> needs(ObjectRef object, Predicate<String> parts) {
        Set<ObjectRef> needs = new LinkedHashSet<>();
        for (Dependency dependency : graph.needs(object)) {
            if (parts.test(dependency.dependent().member())) {
                needs.add(dependency.referenced());
            }
        }
        if (parts.test(null)) {
            needs.addAll(structural(object));
        }
        return List.copyOf(needs);
    }

    /** What the target's model says a whole object needs that pg_depend records otherwise or not at all. */
    private List<ObjectRef> structural(ObjectRef object) {
        QualifiedName name = QualifiedName.of(object.schema(), object.name());
        List<QualifiedName> relations = switch (object.kind()) {
            case TABLE -> target.table(name).map(table -> table.parents()).orElse(List.of());
            case VIEW -> target.view(name).map(view -> view.dependsOn()).orElse(List.of());
            case ROUTINE -> target.routines().stream().filter(r -> DependencyGraph.ref(r).equals(object))
                    .findFirst().map(r -> r.dependsOn()).orElse(List.of());
            default -> List.of();
        };
        return relations.stream().map(relation -> DependencyGraph.relation(target, relation)).toList();
    }

    /** Every unit's statements, each after the units that create what it needs. */
    public List<T> ordered() {
        Map<ObjectRef, List<Unit<T>>> byPart = new HashMap<>();
        units.stream().filter(unit -> unit.creates() != null)
                .forEach(unit -> byPart.computeIfAbsent(unit.creates(), k -> new ArrayList<>()).add(unit));
        return DependencyOrder.sort(units, Unit::index, unit -> needed(unit, byPart)).stream()
                .map(Unit::statements).toList();
    }

    /** The units that create what the unit needs: the part itself if a unit creates it, else its object. */
    private static <T> List<Integer> needed(Unit<T> unit, Map<ObjectRef, List<Unit<T>>> byPart) {
        List<Integer> needed = new ArrayList<>();
        for (ObjectRef need : unit.needs()) {
            List<Unit<T>> providers = byPart.get(need);
            if (providers == null && need.member() != null) {
                providers = byPart.get(need.object());
            }
            if (providers != null) {
                providers.stream().filter(provider -> provider != unit).forEach(provider -> needed.add(provider.index()));
            }
        }
        return needed;
    }
}
