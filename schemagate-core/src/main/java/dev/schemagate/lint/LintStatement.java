package dev.schemagate.lint;

import dev.schemagate.migration.Migration;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.Statement;

/**
 * One statement as the rules see it: the statement, its matchable text, and where it sits.
 *
 * @param statement          the statement as split
 * @param text               its text with comments and literals masked
 * @param migration          the migration it belongs to
 * @param script             the script it belongs to
 * @param inTransaction      true when the script's tool runs its statements in one transaction (block)
 */
public record LintStatement(Statement statement, SqlText text, Migration migration, Script script,
                            boolean inTransaction) {

    /** A suspicion about this statement. */
    public Suspicion suspect(Rule rule, String table, String message, Suspicion.Need need) {
        return new Suspicion(rule, statement, table, null, message, need, false);
    }

    /** A suspicion about one column of a table. */
    public Suspicion suspect(Rule rule, String table, String column, String message, Suspicion.Need need) {
        return new Suspicion(rule, statement, table, column, message, need, false);
    }
}
