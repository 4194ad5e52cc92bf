package dev.schemagate.mutation.operator;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TargetScript;

import java.util.List;

/** Leaves out the step that copies data out of a column or table that the script then drops. */
public final class DropCopyStep extends StatementOperator {

    public DropCopyStep() {
        super("data.drop-copy-step", Category.DATA, Severity.ERROR, Direction.UP,
                "leaves out the copy step before a DROP COLUMN or DROP TABLE",
                "data: the rows of the new column or table are missing");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        if (DataSteps.copies(masked) && DataSteps.nextDrop(script, index) >= 0) {
            changes.add(Change.removal(index, "copy step left out: " + Constraints.oneLine(sql)));
        }
    }
}
