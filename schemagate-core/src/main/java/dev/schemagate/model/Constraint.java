package dev.schemagate.model;

import java.util.List;

/**
 * A table constraint. {@code definition} is the exact text ({@code pg_get_constraintdef}) and
 * rebuilds it; the other fields are that text taken apart for checks that reason about it.
 *
 * @param columns           the constrained columns, in key order (empty for a CHECK)
 * @param referencedTable   for a foreign key, the referenced table, else null
 * @param referencedColumns for a foreign key, the referenced columns in key order
 * @param onUpdate          for a foreign key, the ON UPDATE action ({@code NO ACTION}, {@code CASCADE}...), else null
 * @param onDelete          for a foreign key, the ON DELETE action, else null
 * @param matchType         for a foreign key, {@code SIMPLE}, {@code FULL} or {@code PARTIAL}, else null
 * @param validated         false when added NOT VALID and not validated since
 * @param noInherit         a CHECK marked NO INHERIT
 * @param nullsNotDistinct  a UNIQUE constraint with NULLS NOT DISTINCT
 * @param inherited         the constraint comes from a parent table or partitioned table and was not
 *                          also declared on this table
 */
public record Constraint(String name, Type type, String definition, List<String> columns,
                         QualifiedName referencedTable, List<String> referencedColumns, String onUpdate,
                         String onDelete, String matchType, boolean deferrable, boolean initiallyDeferred,
                         boolean validated, boolean noInherit, boolean nullsNotDistinct, boolean inherited,
                         String comment) {

    /** The kinds of table constraint (NOT NULL is a property of the column). */
    public enum Type { PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, EXCLUSION }

    public Constraint {
        columns = Canonical.kept(columns);
        referencedColumns = Canonical.kept(referencedColumns);
    }
}
