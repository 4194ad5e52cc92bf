package dev.schemagate.mutation.operator;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TargetScript;

import java.util.List;

/** Changes the type a column is created with to a narrower one ({@code bigint} → {@code integer}). */
public final class ChangeColumnType extends StatementOperator {

    public ChangeColumnType() {
        super("schema.column-type", Category.SCHEMA, Severity.ERROR, Direction.UP,
                "changes a column's type to a narrower one",
                "drift: an --expected schema file (the column's type differs); data: rows that no longer fit");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        TypeChanges.propose(index, sql, masked, changes);
    }
}
