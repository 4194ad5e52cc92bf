package dev.schemagate.junit5;

import dev.schemagate.model.Column;
import org.opentest4j.AssertionFailedError;

import java.util.Objects;

/** Assertions on one column, reached through {@link TableAssert#hasColumn(String)}. */
public final class ColumnAssert {

    private final TableAssert table;
    private final String name;
    private final Column column;

    ColumnAssert(TableAssert table, String name, Column column) {
        this.table = table;
        this.name = name;
        this.column = column;
    }

    /** Asserts the type as PostgreSQL writes it, with modifiers: {@code numeric(10,2)}, {@code character varying(40)}. */
    public ColumnAssert ofType(String type) {
        if (!column.type().equalsIgnoreCase(type)) {
            throw Mismatch.of("type of " + name, type, column.type());
        }
        return this;
    }

    public ColumnAssert isNotNull() {
        if (!column.notNull()) {
            throw new AssertionFailedError("expected " + name + " to be NOT NULL but it is nullable ("
                    + TableAssert.describe(column) + ")");
        }
        return this;
    }

    public ColumnAssert isNullable() {
        if (column.notNull()) {
            throw new AssertionFailedError("expected " + name + " to be nullable but it is NOT NULL ("
                    + TableAssert.describe(column) + ")");
        }
        return this;
    }

    /** Asserts the default expression as the server shows it, such as {@code 0} or {@code now()}. */
    public ColumnAssert hasDefault(String expression) {
        if (!Objects.equals(column.defaultExpression(), expression)) {
            throw Mismatch.of("default of " + name, expression, column.defaultExpression());
        }
        return this;
    }

    public ColumnAssert hasNoDefault() {
        return hasDefault(null);
    }

    /** Back to the table, to assert on another column. */
    public TableAssert and() {
        return table;
    }

    /** Another column of the same table. */
    public ColumnAssert hasColumn(String other) {
        return table.hasColumn(other);
    }
}
