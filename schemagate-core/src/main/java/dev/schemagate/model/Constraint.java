package dev.schemagate.model;

import dev.schemagate.model.dialect.PostgresConstraint;

import java.util.List;

/**
 * A table constraint: what every dialect has in fields of its own, what one dialect alone says in
 * that dialect's component. {@code definition} is the exact text and rebuilds it; the other fields
 * are that text taken apart for checks that reason about it.
 *
 * @param columns           the constrained columns, in key order (empty for a CHECK)
 * @param referencedTable   for a foreign key, the referenced table, else null
 * @param referencedColumns for a foreign key, the referenced columns in key order
 * @param onUpdate          for a foreign key, the ON UPDATE action ({@code NO ACTION}, {@code CASCADE}...), else null
 * @param onDelete          for a foreign key, the ON DELETE action, else null
 * @param matchType         for a foreign key, {@code SIMPLE}, {@code FULL} or {@code PARTIAL} (SQLite reads
 *                          it too), else null
 * @param deferrable        checked at commit when deferred (PostgreSQL, SQLite's foreign keys)
 * @param validated         false when added without checking the rows already there and not validated
 *                          since; true in a dialect that always checks them
 * @param inherited         the constraint comes from a table this one is a part or child of
 *                          ({@link Table#parents()}) and was not also declared on this table
 * @param postgres          what PostgreSQL alone says about the constraint; {@link PostgresConstraint#DEFAULTS} for
 *                          every other dialect
 */
public record Constraint(String name, Type type, String definition, List<String> columns,
                         QualifiedName referencedTable, List<String> referencedColumns, String onUpdate,
                         String onDelete, String matchType, boolean deferrable, boolean initiallyDeferred,
                         boolean validated, boolean inherited, String comment, PostgresConstraint postgres) {

    /** The kinds of table constraint (NOT NULL is a property of the column). */
    public enum Type { PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, EXCLUSION }

    public Constraint {
        columns = Canonical.kept(columns);
        referencedColumns = Canonical.kept(referencedColumns);
        postgres = PostgresConstraint.orDefaults(postgres);
    }

    /** A constraint of a dialect with nothing of its own to add. */
    public Constraint(String name, Type type, String definition, List<String> columns, QualifiedName referencedTable,
                      List<String> referencedColumns, String onUpdate, String onDelete, String matchType,
                      boolean deferrable, boolean initiallyDeferred, boolean validated, boolean inherited,
                      String comment) {
        this(name, type, definition, columns, referencedTable, referencedColumns, onUpdate, onDelete, matchType,
                deferrable, initiallyDeferred, validated, inherited, comment, null);
    }
}
