package dev.schemagate.postgres.plan;

import dev.schemagate.model.Dependency;
import dev.schemagate.model.ObjectRef;
import dev.schemagate.postgres.ddl.DependencyGraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Puts a plan's drops in dependency order: each unit drops one object, or parts of one table or
 * domain, and comes before the units of every object its object needs (the dependencies the source
 * snapshot records). Where the graph leaves the choice open, the unit of the lower rank goes first,
 * then the one added first, so the plan is the same on every run; a cycle is broken the same way.
 */
final class DropOrder {

    /** What a unit drops, by how it is ranked when the graph leaves the choice open. */
    enum Rank { PARTS_IN_CYCLES, EVENT_TRIGGERS, PROGRAMS_OVER_RELATIONS, FOREIGN_KEYS, SEQUENCES_RELEASED, TABLES, TABLE_PARTS, ROUTINES,
        TYPES, COLLATIONS, EXTENSIONS }

    private record Unit(Rank rank, int index, ObjectRef object, Steps steps) {
    }

    private static final Comparator<Unit> FIRST = Comparator.comparing(Unit::rank).thenComparingInt(Unit::index);

    private final List<Unit> units = new ArrayList<>();

    /** Adds the statements that drop {@code object} (null: no object the graph names) or parts of it. */
    void add(Rank rank, ObjectRef object, Steps steps) {
        if (!steps.statements().isEmpty()) {
            units.add(new Unit(rank, units.size(), object == null ? null : object.object(), steps));
        }
    }

    /** Every unit's statements, dependants before what they need. */
    Steps ordered(DependencyGraph graph) {
        Map<ObjectRef, List<Unit>> byObject = new HashMap<>();
        units.stream().filter(unit -> unit.object() != null)
                .forEach(unit -> byObject.computeIfAbsent(unit.object(), k -> new ArrayList<>()).add(unit));
        Map<Unit, Set<Unit>> after = new HashMap<>();
        Map<Unit, Integer> waitingFor = new HashMap<>();
        units.forEach(unit -> waitingFor.put(unit, 0));
        for (Unit unit : units) {
            if (unit.object() == null) {
                continue;
            }
            for (Dependency dependency : graph.needs(unit.object())) {
                for (Unit needed : byObject.getOrDefault(dependency.referenced().object(), List.of())) {
                    if (needed != unit && after.computeIfAbsent(unit, k -> new HashSet<>()).add(needed)) {
                        waitingFor.merge(needed, 1, Integer::sum);
                    }
                }
            }
        }
        PriorityQueue<Unit> ready = new PriorityQueue<>(FIRST);
        units.stream().filter(unit -> waitingFor.get(unit) == 0).forEach(ready::add);
        Set<Unit> done = new HashSet<>();
        Steps steps = new Steps();
        while (done.size() < units.size()) {
            Unit next = ready.isEmpty()
                    ? units.stream().filter(unit -> !done.contains(unit)).min(FIRST).orElseThrow()
                    : ready.poll();
            if (!done.add(next)) {
                continue;
            }
            steps.addAll(next.steps());
            for (Unit released : after.getOrDefault(next, Set.of())) {
                if (waitingFor.merge(released, -1, Integer::sum) == 0 && !done.contains(released)) {
                    ready.add(released);
                }
            }
        }
        return steps;
    }
}
