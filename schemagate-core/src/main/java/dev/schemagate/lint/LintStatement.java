package dev.schemagate.lint;

import dev.schemagate.migration.Layout;
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
 * @param layout             the layout of the migrations folder (tools differ in transaction handling)
 * @param statementsInScript how many statements the script holds
 */
public record LintStatement(Statement statement, SqlText text, Migration migration, Script script, Layout layout,
                            int statementsInScript) {

    /** A suspicion about this statement. */
    public Suspicion suspect(Rule rule, String table, String message, Suspicion.Need need) {
        return new Suspicion(rule, statement, table, null, message, need, false);
    }

    /** A suspicion about one column of a table. */
    public Suspicion suspect(Rule rule, String table, String column, String message, Suspicion.Need need) {
        return new Suspicion(rule, statement, table, column, message, need, false);
    }
}
