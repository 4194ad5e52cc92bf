package dev.schemagate.mutation.operator;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TargetScript;

import java.util.List;

/** Forgets to recreate an index in the down script. */
public final class ForgetIndex extends StatementOperator {

    public ForgetIndex() {
        super("rollback.forget-index", Category.ROLLBACK, Severity.WARNING, Direction.DOWN, "forgets to recreate an index",
                "reversibility: down must restore the index the up script dropped");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        if (DropIndex.CREATE_INDEX.matcher(masked).find()) {
            changes.add(Change.removal(index, "index not recreated: " + Constraints.oneLine(sql)));
        }
    }
}
