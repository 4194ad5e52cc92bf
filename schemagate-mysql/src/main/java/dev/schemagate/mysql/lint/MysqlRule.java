package dev.schemagate.mysql.lint;

import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.Set;

/**
 * One MySQL lint rule: its identity and advice, what it suspects in a statement's text, and whether
 * what the server showed when the statement ran confirms it.
 */
interface MysqlRule {

    Rule rule();

    /**
     * Adds what the rule suspects in one statement of the change.
     *
     * @param ddl     the statement
     * @param tables  the tables as the text defines them before the statement
     * @param created the tables created by the change so far, empty in production
     */
    void suspect(Ddl ddl, TextTables tables, Set<String> created, List<Suspicion> out);

    /**
     * Whether a suspicion of this rule stands: {@code run} is how the server ran the statement, or
     * null when only the text is read (a table the change created is then exempt).
     */
    default boolean stands(Suspicion suspicion, AlterRun run) {
        return run != null || !suspicion.newTable();
    }

    /** A suspicion of this rule, about a table and maybe one column. */
    default Suspicion suspicion(Ddl ddl, String table, String column, String message, Suspicion.Need need,
                                Set<String> created) {
        return new Suspicion(rule(), ddl.statement(), table, column, message, need, created.contains(table));
    }
}
