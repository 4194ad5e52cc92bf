package dev.schemagate.postgres.plan;

import dev.schemagate.model.ObjectRef;
import dev.schemagate.model.Snapshot;
import dev.schemagate.postgres.ddl.CreateGraph;
import dev.schemagate.postgres.ddl.Created;

import java.util.List;
import java.util.function.Predicate;

/**
 * The creates and in-place changes of a plan, once its drops have run, as units of the target's
 * {@link CreateGraph}: the schema writer's statements one unit each, a table's or domain's changes
 * a unit per phase.
 */
final class CreateOrder {

    private final CreateGraph<Steps> graph;

    CreateOrder(Snapshot target) {
        this.graph = new CreateGraph<>(target);
    }

    /** Statements that need nothing the graph names: they keep their place. */
    void fixed(Steps steps) {
        if (!steps.statements().isEmpty()) {
            graph.fixed(steps);
        }
    }

    /** The schema writer's statements, one unit each. */
    void created(List<Created> statements) {
        for (Created statement : statements) {
            Steps steps = new Steps();
            steps.add(statement.sql());
            graph.created(statement.part(), steps);
        }
    }

    /** Statements that change {@code object}, kept by the plan, and the parts of it {@code parts} accepts. */
    void changes(ObjectRef object, boolean provides, Predicate<String> parts, Steps steps) {
        if (!steps.statements().isEmpty()) {
            graph.changes(object, provides, parts, steps);
        }
    }

    /** Every unit's statements in dependency order. */
    Steps ordered() {
        Steps ordered = new Steps();
        graph.ordered().forEach(ordered::addAll);
        return ordered;
    }
}
