package dev.schemagate.postgres.ddl;

import dev.schemagate.model.ObjectRef;
import dev.schemagate.model.Snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Puts what a schema file or a plan creates or sets in dependency order. Each unit creates one
 * object or one part of one (a table, its key, an index, a trigger, a domain constraint), or changes
 * parts of an object kept, and comes after every unit that creates what it needs, as the target's
 * {@link DependencyGraph#requires} says: what the target records in {@code pg_depend} for that object or part (a column's type, a default's sequence, a
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

    private final DependencyGraph graph;
    private final List<Unit<T>> units = new ArrayList<>();

    /** A graph over the dependencies that {@code target}, the schema being built, records. */
    public CreateGraph(Snapshot target) {
        this.graph = new DependencyGraph(target);
    }

    /** Statements that need nothing the graph names and that nothing needs: they keep their place. */
    public void fixed(T statements) {
        add(null, List.of(), statements);
    }

    /** Statements that create {@code part} (null: as {@link #fixed}), needing what that object or part needs. */
    public void created(ObjectRef part, T statements) {
        add(part, part == null ? List.of() : graph.requires(part), statements);
    }

    /**
     * Statements that change {@code object} (one that is kept: an existing table, domain or routine) and
     * the parts of it that {@code parts} accepts ({@code column x}, {@code constraint c}); with
     * {@code provides}, what needs the object comes after them.
     */
    public void changes(ObjectRef object, boolean provides, Predicate<String> parts, T statements) {
        List<ObjectRef> needs = new ArrayList<>(graph.requires(object, parts));
        needs.add(0, object);
        add(provides ? object : null, needs, statements);
    }

    private void add(ObjectRef creates, List<ObjectRef> needs, T statements) {
        units.add(new Unit<>(units.size(), creates, needs, statements));
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
