package dev.schemagate.postgres.mutation;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.ColumnTypes;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.Edit;
import dev.schemagate.mutation.Span;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TableStatement;
import dev.schemagate.mutation.TargetScript;

import java.util.List;
import java.util.Locale;

/**
 * Follows a column added to an existing table by a type change through text, which leaves the
 * values alone but makes the server rewrite the table under an exclusive lock.
 */
public final class AddRewrite extends StatementOperator {

    public AddRewrite() {
        super("locking.add-rewrite", Category.LOCKING, Severity.WARNING, Direction.UP, "adds a statement that rewrites the table",
                "lint: the table is rewritten under an ACCESS EXCLUSIVE lock");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        TableStatement.parse(masked).filter(t -> !t.create()).ifPresent(table -> {
            for (Span column : table.columns()) {
                String name = VolatileDefault.first(sql, column);
                ColumnTypes.typeOf(masked, column).map(type -> type.of(sql).trim())
                        .filter(type -> !type.toLowerCase(Locale.ROOT).contains("serial"))
                        .ifPresent(type -> changes.add(new Change(List.of(new Edit(index, sql + "; ALTER TABLE " + table.table()
                                + " ALTER COLUMN " + name + " TYPE " + type + " USING " + name + "::text::" + type)),
                                "table " + table.table() + " rewritten by a type change of " + name)));
            }
        });
    }
}
