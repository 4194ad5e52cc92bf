package dev.schemagate.engine;

import dev.schemagate.data.IntegrityProblem;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

/**
 * Whether a migration left rows breaking a foreign key it added itself. A database that checks a
 * new key refuses such a migration (and the data line's rows are then made consistent and the
 * migration tried again); one that adds keys by rebuilding a table with key checks off lets it
 * through. Either way the orphans are the synthetic rows' doing, not the migration's, when the
 * rows were never held to that key: production rows would have matched it. A key added {@code NOT
 * VALID} is the exception: it promises nothing about existing rows, so its orphans stand.
 */
final class NewKeyOrphans {

    private NewKeyOrphans() {
    }

    /** True when {@code result} shows orphan rows on a table that has a foreign key {@code before} lacked. */
    static boolean found(Snapshot before, MigrationCycle.Result result) {
        if (result.after() == null) {
            return false;
        }
        return result.integrity().stream()
                .filter(problem -> problem.kind() == IntegrityProblem.Kind.FOREIGN_KEY_ORPHANS)
                .anyMatch(problem -> result.after().table(problem.table()).map(table -> addsKey(before, table)).orElse(false));
    }

    private static boolean addsKey(Snapshot before, Table table) {
        Table was = before.table(table.qualifiedName()).orElse(null);
        return was != null && table.constraints().stream().anyMatch(key -> key.type() == Constraint.Type.FOREIGN_KEY
                && key.validated() && !holds(was, key));
    }

    /**
     * Whether {@code table} already had a key on the same columns to the same table: keys are told
     * apart by what they hold, not by name, since a rebuilt table's generated names ({@code t_ibfk_1})
     * start again and may name another key than before.
     */
    private static boolean holds(Table table, Constraint key) {
        return table.constraints().stream().anyMatch(was -> was.type() == Constraint.Type.FOREIGN_KEY
                && was.columns().equals(key.columns()) && key.referencedTable().equals(was.referencedTable()));
    }
}
