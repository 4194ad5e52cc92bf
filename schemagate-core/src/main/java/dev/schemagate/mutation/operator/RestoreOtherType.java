package dev.schemagate.mutation.operator;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TargetScript;

import java.util.List;

/** Restores a column in the down script with another type than it had. */
public final class RestoreOtherType extends StatementOperator {

    public RestoreOtherType() {
        super("rollback.other-type", Category.ROLLBACK, Severity.ERROR, Direction.DOWN, "restores a column with another type",
                "reversibility: down must restore the column's type");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        TypeChanges.propose(index, sql, masked, changes);
    }
}
