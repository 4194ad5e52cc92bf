package dev.schemagate.postgres.plan;

import dev.schemagate.diff.Hazard;
import dev.schemagate.diff.PlannedStatement;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The statements of one phase of a plan, each with its hazards, in the order they were added. */
final class Steps {

    private final List<PlannedStatement> statements = new ArrayList<>();

    void add(String sql, Hazard... hazards) {
        Set<Hazard> set = hazards.length == 0 ? Set.of() : EnumSet.of(hazards[0], hazards);
        statements.add(new PlannedStatement(sql, set));
    }

    /** A statement that serves {@code change} though it names no object of it (a temporary copy of rows). */
    void addServing(String change, String sql, Hazard... hazards) {
        add(sql, hazards);
        statements.set(statements.size() - 1, statements.get(statements.size() - 1).serving(change));
    }

    /** Statements that create objects, or change them without risk worth a warning. */
    void addAll(List<String> sql) {
        sql.forEach(this::add);
    }

    void addAll(Steps other) {
        statements.addAll(other.statements);
    }

    List<PlannedStatement> statements() {
        return statements;
    }
}
