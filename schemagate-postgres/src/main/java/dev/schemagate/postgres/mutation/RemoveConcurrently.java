package dev.schemagate.postgres.mutation;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TargetScript;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds or drops an index without {@code CONCURRENTLY}: writes to the table wait for the whole build. */
public final class RemoveConcurrently extends StatementOperator {

    private static final Pattern CONCURRENTLY = Pattern.compile("^\\s*(?:CREATE\\s+(?:UNIQUE\\s+)?INDEX|DROP\\s+INDEX|REINDEX\\s+\\w+|"
            + "REFRESH\\s+MATERIALIZED\\s+VIEW)(\\s+CONCURRENTLY)\\b", Pattern.CASE_INSENSITIVE);

    public RemoveConcurrently() {
        super("locking.remove-concurrently", Category.LOCKING, Severity.WARNING, Direction.UP, "removes CONCURRENTLY",
                "lint: the index build locks the table against writes");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        Matcher m = CONCURRENTLY.matcher(masked);
        if (m.find()) {
            changes.add(Change.splice(index, sql, m.start(1), m.end(1), "", "CONCURRENTLY removed"));
        }
    }
}
