package dev.schemagate.diff;

import java.util.List;

/**
 * The statements that turn one schema into another, in the order they must run: dependants are
 * dropped before what they depend on and created again after it.
 */
public record MigrationPlan(List<PlannedStatement> statements) {

    public MigrationPlan {
        statements = List.copyOf(statements);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** The statements that can lose data. */
    public List<PlannedStatement> destructive() {
        return statements.stream().filter(PlannedStatement::destructive).toList();
    }

    /** The whole plan as one script, each statement with its hazards as a comment. */
    public String script() {
        StringBuilder out = new StringBuilder();
        statements.forEach(statement -> out.append(statement.render()).append('\n'));
        return out.toString();
    }
}
