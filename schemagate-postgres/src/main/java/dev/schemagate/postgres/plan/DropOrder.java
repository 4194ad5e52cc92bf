package dev.schemagate.postgres.plan;

import dev.schemagate.model.ObjectRef;
import dev.schemagate.model.Snapshot;
import dev.schemagate.postgres.ddl.DropGraph;

import java.util.List;
import java.util.function.Predicate;

/**
 * The drops of a plan, and the changes that must run before them, as units of the source's
 * {@link DropGraph}: an object dropped whole is a unit, as are the parts of one table or domain
 * dropped together.
 */
final class DropOrder {

    private final DropGraph<Steps> graph;

    DropOrder(Snapshot source) {
        this.graph = new DropGraph<>(source);
    }

    /** Statements that need nothing the graph names: they keep their place. */
    void fixed(Steps steps) {
        if (!steps.statements().isEmpty()) {
            graph.fixed(steps);
        }
    }

    /** Statements that drop {@code object} whole; the parts {@code droppedBefore} accepts went first. */
    void dropped(ObjectRef object, Predicate<String> droppedBefore, Steps steps) {
        if (!steps.statements().isEmpty()) {
            graph.dropped(object, droppedBefore, steps);
        }
    }

    /** Statements that drop {@code object} whole. */
    void dropped(ObjectRef object, Steps steps) {
        dropped(object, member -> false, steps);
    }

    /** Statements that drop the parts of {@code object} that {@code parts} accepts, or take from them what they need. */
    void parts(ObjectRef object, Predicate<String> parts, Steps steps) {
        if (!steps.statements().isEmpty()) {
            graph.parts(object, parts, steps);
        }
    }

    /** Statements that must run while each of {@code needs} still stands. */
    void before(List<ObjectRef> needs, Steps steps) {
        if (!steps.statements().isEmpty()) {
            graph.before(needs, steps);
        }
    }

    /** Every unit's statements, dependants before what they need. */
    Steps ordered() {
        Steps ordered = new Steps();
        graph.ordered().forEach(ordered::addAll);
        return ordered;
    }
}
