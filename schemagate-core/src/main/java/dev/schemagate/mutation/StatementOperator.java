package dev.schemagate.mutation;

import dev.schemagate.check.Severity;
import dev.schemagate.migration.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An operator that looks at the SQL statements of one direction's scripts one at a time; the
 * subclasses say what they change in one statement.
 */
public abstract class StatementOperator implements MutationOperator {

    private final String id;
    private final Category category;
    private final Severity severity;
    private final Direction direction;
    private final String description;
    private final String caughtBy;

    protected StatementOperator(String id, Category category, Severity severity, Direction direction, String description,
                                String caughtBy) {
        this.id = id;
        this.category = category;
        this.severity = severity;
        this.direction = direction;
        this.description = description;
        this.caughtBy = caughtBy;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Category category() {
        return category;
    }

    @Override
    public final Severity severity() {
        return severity;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final String caughtBy() {
        return caughtBy;
    }

    @Override
    public final List<Change> changes(TargetScript script) {
        List<Change> changes = new ArrayList<>();
        if (script.direction() != direction) {
            return changes;
        }
        for (int i = 0; i < script.statements().size(); i++) {
            Statement statement = script.statements().get(i);
            if (statement.kind() == Statement.Kind.SQL) {
                propose(script, i, statement.sql(), script.masked(i), changes);
            }
        }
        changes.removeIf(Objects::isNull);
        return changes;
    }

    /** Adds the changes this operator makes to statement {@code index} (text {@code sql}, masked {@code masked}). */
    protected abstract void propose(TargetScript script, int index, String sql, String masked, List<Change> changes);
}
