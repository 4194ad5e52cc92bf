package dev.schemagate.mutation.operator;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.Edit;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TargetScript;

import java.util.List;

/** Swaps a copy step and the drop after it: the data is dropped before it is copied. */
public final class SwapCopyAndDrop extends StatementOperator {

    public SwapCopyAndDrop() {
        super("data.swap-copy-and-drop", Category.DATA, Severity.ERROR, Direction.UP,
                "runs the DROP before the copy step that should precede it",
                "apply: the copy fails on the dropped column; data: the copied rows are missing");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        int drop = DataSteps.copies(masked) ? DataSteps.nextDrop(script, index) : -1;
        if (drop >= 0) {
            String dropSql = script.statements().get(drop).sql();
            changes.add(new Change(List.of(new Edit(index, dropSql), new Edit(drop, sql)),
                    "drop moved before the copy: " + Constraints.oneLine(dropSql)));
        }
    }
}
