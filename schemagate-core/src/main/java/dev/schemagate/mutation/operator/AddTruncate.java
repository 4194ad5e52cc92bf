package dev.schemagate.mutation.operator;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.Edit;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TableStatement;
import dev.schemagate.mutation.TargetScript;

import java.util.List;

/** Empties a table the script alters, as a stray {@code TRUNCATE} left from testing would. */
public final class AddTruncate extends StatementOperator {

    public AddTruncate() {
        super("data.add-truncate", Category.DATA, Severity.ERROR, Direction.UP,
                "empties a table the script alters (a stray TRUNCATE)",
                "data: every row of the table is lost");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        TableStatement.parse(masked).filter(table -> !table.create()).ifPresent(table -> {
            for (int j = 0; j < index; j++) {
                if (TableStatement.parse(script.masked(j)).filter(t -> t.table().equalsIgnoreCase(table.table())).isPresent()) {
                    return;
                }
            }
            changes.add(new Change(List.of(new Edit(index, sql + "; DELETE FROM " + table.table())), "table " + table.table() + " emptied"));
        });
    }
}
