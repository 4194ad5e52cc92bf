package dev.schemagate.postgres.mutation;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TargetScript;

import java.util.List;
import java.util.regex.Pattern;

/** Leaves out the {@code SET lock_timeout} that keeps the script from queueing behind long transactions. */
public final class RemoveLockTimeout extends StatementOperator {

    private static final Pattern LOCK_TIMEOUT = Pattern.compile("^\\s*SET\\s+(?:LOCAL\\s+|SESSION\\s+)?lock_timeout\\b",
            Pattern.CASE_INSENSITIVE);

    public RemoveLockTimeout() {
        super("locking.remove-lock-timeout", Category.LOCKING, Severity.WARNING, Direction.UP, "removes SET lock_timeout",
                "lint: a statement that takes a strong lock without a lock_timeout");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        if (LOCK_TIMEOUT.matcher(masked).find()) {
            changes.add(Change.removal(index, "SET lock_timeout removed"));
        }
    }
}
