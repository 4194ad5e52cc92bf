package dev.schemagate.mutation.operator;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.Edit;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TargetScript;

import java.util.List;

/** Swaps two drops that follow each other in a down script. */
public final class ReorderDrops extends StatementOperator {

    public ReorderDrops() {
        super("rollback.reorder-drops", Category.ROLLBACK, Severity.WARNING, Direction.DOWN, "swaps two consecutive drops of the down script",
                "reversibility: down fails when a dropped object is still needed");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        int next = index + 1;
        if (next < script.statements().size() && RollbackSteps.drops(masked) && RollbackSteps.drops(script.masked(next))) {
            String nextSql = script.statements().get(next).sql();
            changes.add(new Change(List.of(new Edit(index, nextSql), new Edit(next, sql)),
                    "drops swapped: " + Constraints.oneLine(nextSql) + " first"));
        }
    }
}
