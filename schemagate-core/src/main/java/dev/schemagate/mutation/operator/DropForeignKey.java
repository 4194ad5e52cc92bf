package dev.schemagate.mutation.operator;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.StatementOperator;
import dev.schemagate.mutation.TableStatement;
import dev.schemagate.mutation.TargetScript;

import java.util.List;
import java.util.regex.Pattern;

/** Drops a foreign key: a table's, a column's {@code REFERENCES}, or one an {@code ALTER TABLE} adds. */
public final class DropForeignKey extends StatementOperator {

    private static final Pattern INLINE = Pattern.compile("\\s+(?:CONSTRAINT\\s+" + TableStatement.IDENT + "\\s+)?REFERENCES\\s+"
            + TableStatement.NAME + "(?:\\s*\\([^)]*\\))?(?:\\s+ON\\s+(?:DELETE|UPDATE)\\s+(?:CASCADE|RESTRICT|NO\\s+ACTION|SET\\s+NULL|SET\\s+DEFAULT))*"
            + "(?:\\s+(?:NOT\\s+)?DEFERRABLE(?:\\s+INITIALLY\\s+(?:DEFERRED|IMMEDIATE))?)?", Pattern.CASE_INSENSITIVE);

    public DropForeignKey() {
        super("schema.drop-foreign-key", Category.SCHEMA, Severity.ERROR, Direction.UP, "drops a foreign key",
                "drift: an --expected schema file (the foreign key is missing)");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        Constraints.propose(index, sql, masked, "FOREIGN\\s+KEY\\b", INLINE, "foreign key", changes);
    }
}
