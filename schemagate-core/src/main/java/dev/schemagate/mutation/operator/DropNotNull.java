package dev.schemagate.mutation.operator;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TargetScript;

import java.util.List;

/** Drops a {@code NOT NULL} from a column the up script creates or alters. */
public final class DropNotNull extends StatementOperator {

    public DropNotNull() {
        super("schema.drop-not-null", Category.SCHEMA, Severity.ERROR, Direction.UP,
                "drops a NOT NULL constraint",
                "drift: an --expected schema file (the column is nullable)");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        NotNulls.propose(index, sql, masked, changes);
    }
}
