package dev.schemagate.postgres.mutation;

import dev.schemagate.check.Severity;
import dev.schemagate.migration.Transaction;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.Edit;
import dev.schemagate.mutation.Span;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TableStatement;
import dev.schemagate.mutation.TargetScript;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Validates a {@code NOT VALID} constraint in the same transaction that adds it, so its lock is held for the whole scan. */
public final class ValidateInSameTransaction extends StatementOperator {

    private static final Pattern ADD = Pattern.compile("ADD\\s+CONSTRAINT\\s+(" + TableStatement.IDENT + ")\\b.*\\bNOT\\s+VALID\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    public ValidateInSameTransaction() {
        super("locking.validate-same-transaction", Category.LOCKING, Severity.WARNING, Direction.UP,
                "validates a NOT VALID constraint in the transaction that adds it",
                "lint: the validation scans the table while the lock of the ADD CONSTRAINT is held");
    }

    /**
     * True when the script with the VALIDATE added runs in one transaction (block): a tool that sends
     * the file as one query (golang-migrate) runs two statements in one implicit block.
     */
    private static boolean runsInOneTransaction(TargetScript script) {
        Transaction transaction = script.script().transaction();
        return transaction.opens(script.statements()) || transaction.mode() == Transaction.Mode.ONE_QUERY;
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        if (!runsInOneTransaction(script)) {
            return;
        }
        TableStatement.parse(masked).filter(t -> !t.create()).ifPresent(table -> {
            for (Span action : table.parts()) {
                Matcher m = ADD.matcher(masked).region(action.start(), action.end());
                if (m.lookingAt()) {
                    String name = sql.substring(m.start(1), m.end(1));
                    changes.add(new Change(List.of(new Edit(index, sql + "; ALTER TABLE " + table.table() + " VALIDATE CONSTRAINT " + name)),
                            "constraint " + name + " validated in the same transaction"));
                }
            }
        });
    }
}
