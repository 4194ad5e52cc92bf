package dev.schemagate.junit5;

import dev.schemagate.model.Column;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Table;
import org.opentest4j.AssertionFailedError;

import java.util.List;

/** Assertions on one table, reached through {@link SchemaAssertions.SchemaAssert#table(String)}. */
public final class TableAssert {

    private final SchemaAssertions.SchemaAssert schema;
    private final Table table;

    TableAssert(SchemaAssertions.SchemaAssert schema, Table table) {
        this.schema = schema;
        this.table = table;
    }

    /** Asserts the column exists and continues with assertions on it. */
    public ColumnAssert hasColumn(String name) {
        Column column = table.column(name).orElseThrow(() -> new AssertionFailedError("expected column " + name + " in "
                + name() + " but it has none; its columns are " + columns(), name, columnNames().toString()));
        return new ColumnAssert(this, name() + "." + name, column);
    }

    public TableAssert doesNotHaveColumn(String name) {
        table.column(name).ifPresent(column -> {
            throw new AssertionFailedError("expected no column " + name + " in " + name() + " but it has one: " + describe(column));
        });
        return this;
    }

    /** Asserts the table's columns are exactly these, in this order. */
    public TableAssert hasColumnsExactly(String... names) {
        if (!columnNames().equals(List.of(names))) {
            throw Mismatch.of("columns of " + name() + " (" + columns() + ")", List.of(names), columnNames());
        }
        return this;
    }

    /** Asserts the primary key is on these columns, in this order. */
    public TableAssert hasPrimaryKey(String... columns) {
        List<String> actual = table.primaryKey().map(Constraint::columns).orElse(List.of());
        if (!actual.equals(List.of(columns))) {
            throw Mismatch.of("primary key of " + name(), List.of(columns), actual);
        }
        return this;
    }

    /** Asserts a foreign key from these columns to a table (named as in {@code table(...)}). */
    public TableAssert hasForeignKey(List<String> columns, String referencedTable) {
        String wanted = referencedTable.contains(".") ? referencedTable : "public." + referencedTable;
        boolean found = table.constraints().stream().anyMatch(c -> c.type() == Constraint.Type.FOREIGN_KEY
                && c.columns().equals(columns) && c.referencedTable().toString().equals(wanted));
        if (!found) {
            throw new AssertionFailedError("expected a foreign key " + name() + " " + columns + " -> " + wanted + " but its foreign keys are "
                    + table.constraints().stream().filter(c -> c.type() == Constraint.Type.FOREIGN_KEY)
                    .map(c -> c.columns() + " -> " + c.referencedTable()).toList());
        }
        return this;
    }

    public TableAssert hasIndex(String name) {
        if (table.index(name).isEmpty()) {
            throw new AssertionFailedError("expected index " + name + " on " + name() + " but its indexes are "
                    + table.indexes().stream().map(index -> index.name()).toList());
        }
        return this;
    }

    public TableAssert hasConstraint(String name) {
        if (table.constraint(name).isEmpty()) {
            throw new AssertionFailedError("expected constraint " + name + " on " + name() + " but its constraints are "
                    + table.constraints().stream().map(Constraint::name).toList());
        }
        return this;
    }

    /** Back to the schema, to assert on another table. */
    public SchemaAssertions.SchemaAssert and() {
        return schema;
    }

    private String name() {
        return QualifiedName.of(table.schema(), table.name()).toString();
    }

    /** A column as a reader checks it: {@code total numeric(10,2) NOT NULL DEFAULT 0}. */
    static String describe(Column column) {
        return column.name() + " " + column.type() + (column.notNull() ? " NOT NULL" : "")
                + (column.defaultExpression() == null ? "" : " DEFAULT " + column.defaultExpression());
    }

    /** The table's columns with their types, in order, to show what is there when an assertion fails. */
    private String columns() {
        return "[" + String.join(", ", table.columns().stream().map(TableAssert::describe).toList()) + "]";
    }

    private List<String> columnNames() {
        return table.columns().stream().map(Column::name).toList();
    }
}
