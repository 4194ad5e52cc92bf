package dev.schemagate.postgres.mutation;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TableStatement;
import dev.schemagate.mutation.TargetScript;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Adds a constraint without {@code NOT VALID}: every existing row is checked under a lock. */
public final class RemoveNotValid extends StatementOperator {

    private static final Pattern NOT_VALID = Pattern.compile("\\s+NOT\\s+VALID\\b", Pattern.CASE_INSENSITIVE);

    public RemoveNotValid() {
        super("locking.remove-not-valid", Category.LOCKING, Severity.WARNING, Direction.UP, "removes NOT VALID",
                "lint: the constraint is validated over every row under a lock");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        if (TableStatement.parse(masked).filter(t -> !t.create()).isEmpty()) {
            return;
        }
        Matcher m = NOT_VALID.matcher(masked);
        while (m.find()) {
            changes.add(Change.splice(index, sql, m.start(), m.end(), "", "NOT VALID removed"));
        }
    }
}
