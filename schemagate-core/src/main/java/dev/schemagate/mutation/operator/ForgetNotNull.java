package dev.schemagate.mutation.operator;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TargetScript;

import java.util.List;

/** Forgets to restore a {@code NOT NULL} in the down script. */
public final class ForgetNotNull extends StatementOperator {

    public ForgetNotNull() {
        super("rollback.forget-not-null", Category.ROLLBACK, Severity.ERROR, Direction.DOWN, "forgets to restore a NOT NULL",
                "reversibility: down must restore the column's NOT NULL");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        NotNulls.propose(index, sql, masked, changes);
    }
}
