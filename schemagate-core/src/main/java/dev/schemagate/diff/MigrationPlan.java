package dev.schemagate.diff;

import java.util.List;

/**
 * The statements that turn one schema into another, in the order they must run: dependants are
 * dropped before what they depend on and created again after it.
 *
 * @param statements    the statements, in order
 * @param strongestLock the dialect's name for the lock that blocks reads and writes, which the
 *                      hazard {@link Hazard#BLOCKS_READS_AND_WRITES} is written with; empty when it names none
 */
public record MigrationPlan(List<PlannedStatement> statements, String strongestLock) {

    public MigrationPlan {
        statements = List.copyOf(statements);
    }

    /** A plan whose dialect names no lock. */
    public MigrationPlan(List<PlannedStatement> statements) {
        this(statements, "");
    }

    /** The same plan with other statements. */
    public MigrationPlan with(List<PlannedStatement> other) {
        return new MigrationPlan(other, strongestLock);
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
        return script(List.of());
    }

    /**
     * The plan as one script in which the {@code heldBack} statements are commented out, each
     * saying why, so a reviewer sees them and nothing runs them.
     */
    public String script(List<PlannedStatement> heldBack) {
        StringBuilder out = new StringBuilder();
        for (PlannedStatement statement : statements) {
            if (heldBack.contains(statement)) {
                String why = statement.destructive() ? statement.hazardText(strongestLock) : "serves " + statement.change()
                        + ", which is held back";
                out.append("-- HELD BACK (").append(why).append("; run with --unsafe to include it):\n");
                statement.sql().lines().forEach(line -> out.append("-- ").append(line).append('\n'));
                out.append('\n');
            } else {
                out.append(statement.render(strongestLock)).append('\n');
            }
        }
        return out.toString();
    }
}
