package dev.schemagate.mutation.operator;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.ColumnTypes;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TableStatement;
import dev.schemagate.mutation.TargetScript;

import java.util.List;

/** Forgets to change a column's type back in the down script. */
public final class ForgetType extends StatementOperator {

    public ForgetType() {
        super("rollback.forget-type", Category.ROLLBACK, Severity.ERROR, Direction.DOWN, "forgets to restore a column's type",
                "reversibility: down must restore the column's type");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        TableStatement.parse(masked).filter(table -> !table.create()).ifPresent(table -> {
            for (int i = 0; i < table.parts().size(); i++) {
                if (ColumnTypes.alteredType(masked, table.parts().get(i)).isPresent()) {
                    changes.add(table.removePart(i, sql, index, "type not restored: " + Constraints.oneLine(table.parts().get(i).of(sql))));
                }
            }
        });
    }
}
