package dev.schemagate.mutation.operator;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TargetScript;

import java.util.List;

/**
 * Leaves out one statement of a down script. Statements that the narrower rollback operators
 * cover (an index, a default, a NOT NULL, a type restored) are left to them.
 */
public final class DropDownStatement extends StatementOperator {

    public DropDownStatement() {
        super("rollback.drop-statement", Category.ROLLBACK, Severity.ERROR, Direction.DOWN, "leaves out one statement of the down script",
                "reversibility: down must restore the schema the migration started from");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        if (!RollbackSteps.coveredElsewhere(masked) && !RollbackSteps.setting(masked)) {
            changes.add(Change.removal(index, "down statement left out: " + Constraints.oneLine(sql)));
        }
    }
}
