package dev.schemagate.mutation;

import dev.schemagate.migration.Migration;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.Statement;

import java.util.List;

/**
 * One script of one migration as the dialect's splitter cut it: what an operator looks at.
 *
 * @param migration  the migration
 * @param direction  up or down
 * @param script     the script
 * @param statements its statements, in order
 */
public record TargetScript(Migration migration, Direction direction, Script script, List<Statement> statements) {

    public TargetScript {
        statements = List.copyOf(statements);
    }

    /** The statement's text with comments blanked and literal contents masked, same length (see {@link SqlMask}). */
    public String masked(int index) {
        return SqlMask.mask(statements.get(index).sql());
    }
}
