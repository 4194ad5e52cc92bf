package dev.schemagate.mutation.operator;

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

/** Changes what deleting a referenced row does to the rows that reference it. */
public final class ChangeOnDelete extends StatementOperator {

    private static final Pattern ON_DELETE = Pattern.compile("ON\\s+DELETE\\s+(CASCADE|RESTRICT|NO\\s+ACTION|SET\\s+NULL|SET\\s+DEFAULT)\\b",
            Pattern.CASE_INSENSITIVE);

    public ChangeOnDelete() {
        super("schema.on-delete", Category.SCHEMA, Severity.ERROR, Direction.UP, "changes a foreign key's ON DELETE action",
                "drift: an --expected schema file (the foreign key's action differs)");
    }

    @Override
    protected void propose(TargetScript script, int index, String sql, String masked, List<Change> changes) {
        if (TableStatement.parse(masked).isEmpty()) {
            return;
        }
        Matcher m = ON_DELETE.matcher(masked);
        while (m.find()) {
            String action = m.group(1).toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
            String other = action.equals("CASCADE") ? "NO ACTION" : "CASCADE";
            changes.add(Change.splice(index, sql, m.start(1), m.end(1), other, "ON DELETE " + action + " → " + other));
        }
    }
}
