package dev.schemagate.postgres.ddl;

import dev.schemagate.model.ObjectRef;
import dev.schemagate.model.Snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Puts what a plan drops in dependency order, the reverse of {@link CreateGraph}'s and from the same
 * declarations ({@link DependencyGraph#requires}, over the source): each unit drops one object, or
 * parts of one, and comes before every unit that drops what it needs. Dropping an object takes its
 * parts with it, so a unit that needs a part of an object comes before the object's drop too. Units
 * are added kind by kind; that order stands wherever the graph leaves the choice open, and what must
 * go first is moved up before the unit it is in the way of, so the text is the same on every run. A
 * cycle is broken where it is found.
 *
 * @param <T> the statements of a unit
 */
public final class DropGraph<T> {

    /**
     * One unit: its statements, the object it drops or drops parts of (null: none), the parts it drops
     * (null: the whole object), and what must still stand when it runs.
     */
    private record Unit<T>(int index, ObjectRef object, Predicate<String> parts, List<ObjectRef> needs, T statements) {

        /** Running the unit takes away what {@code need} names. */
        boolean takes(ObjectRef need) {
            return parts == null || need.member() != null && parts.test(need.member());
        }
    }

    private final DependencyGraph graph;
    private final List<Unit<T>> units = new ArrayList<>();

    /** A graph over the dependencies that {@code source}, the schema the drops start from, records. */
    public DropGraph(Snapshot source) {
        this.graph = new DependencyGraph(source);
    }

    /** Statements that need nothing the graph names and that nothing needs: they keep their place. */
    public void fixed(T statements) {
        units.add(new Unit<>(units.size(), null, null, List.of(), statements));
    }

    /**
     * Statements that drop {@code object} whole, needing what it and its parts need, except the parts
     * {@code droppedBefore} accepts ({@code policy p}): other units drop those first.
     */
    public void dropped(ObjectRef object, Predicate<String> droppedBefore, T statements) {
        ObjectRef whole = object.object();
        units.add(new Unit<>(units.size(), whole, null,
                graph.requires(whole, member -> member == null || !droppedBefore.test(member)), statements));
    }

    /**
     * Statements that drop, or change so they need less, the parts of {@code object} that {@code parts}
     * accepts ({@code column c}, {@code constraint k}); they need the object and what those parts need.
     */
    public void parts(ObjectRef object, Predicate<String> parts, T statements) {
        ObjectRef whole = object.object();
        List<ObjectRef> needs = new ArrayList<>(graph.requires(whole, member -> member != null && parts.test(member)));
        needs.add(0, whole);
        units.add(new Unit<>(units.size(), whole, parts, needs, statements));
    }

    /** Statements that must run while each of {@code needs} still stands (a sequence let go of the column that owns it). */
    public void before(List<ObjectRef> needs, T statements) {
        units.add(new Unit<>(units.size(), null, null, List.copyOf(needs), statements));
    }

    /** Every unit's statements, each before the units that drop what it needs. */
    public List<T> ordered() {
        Map<ObjectRef, List<Unit<T>>> byObject = new HashMap<>();
        units.stream().filter(unit -> unit.object() != null)
                .forEach(unit -> byObject.computeIfAbsent(unit.object(), k -> new ArrayList<>()).add(unit));
        Map<Integer, List<Integer>> first = new HashMap<>();
        for (Unit<T> unit : units) {
            for (ObjectRef need : unit.needs()) {
                for (Unit<T> taker : byObject.getOrDefault(need.object(), List.of())) {
                    if (taker != unit && taker.takes(need)) {
                        first.computeIfAbsent(taker.index(), k -> new ArrayList<>()).add(unit.index());
                    }
                }
            }
        }
        return DependencyOrder.sort(units, Unit::index, unit -> first.getOrDefault(unit.index(), List.of())).stream()
                .map(Unit::statements).toList();
    }
}
