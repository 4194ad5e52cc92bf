package dev.schemagate.lint;

import dev.schemagate.migration.Statement;

/**
 * What the text of a statement suggests, before any evidence: a rule, the statement, the table it
 * is about, and what the database must show for it to stand.
 *
 * @param rule      the rule that suspects
 * @param statement the statement
 * @param table     the table it is about (without schema), or null
 * @param column    the column it is about, or null
 * @param message   what the statement does, in one sentence
 * @param need      what evidence confirms it
 * @param newTable  true when, as far as the text shows, the table was created earlier in the same migration
 */
public record Suspicion(Rule rule, Statement statement, String table, String column, String message, Need need,
                        boolean newTable) {

    public Suspicion withNewTable(boolean created) {
        return new Suspicion(rule, statement, table, column, message, need, created);
    }

    /** What the database must show for a suspicion to stand. */
    public enum Need {
        /** Nothing: the text alone is the fact (a DROP, a rename, a naming rule). */
        NONE,
        /** The table existed before the migration (one created in the same migration is exempt). */
        EXISTING_TABLE,
        /** The table existed and the statement rewrote it. */
        REWRITE,
        /** The table existed and the statement held the strongest lock on it, which blocks reads too (ACCESS EXCLUSIVE in PostgreSQL). */
        STRONGEST_LOCK,
        /** The table existed and an earlier statement of the transaction still held a lock on it that blocks writes. */
        HELD_LOCK,
        /** A view depends on the column (pg_depend), not merely names a column of that name. */
        VIEW_READS_COLUMN,
        /** The dialect's own rules decide, from what its observer saw ({@link DialectRules#stands}). */
        DIALECT
    }
}
