package dev.schemagate.model.dialect;

/**
 * What only PostgreSQL says about a table constraint. A constraint of another dialect, and a plain
 * PostgreSQL constraint, has {@link #DEFAULTS}.
 *
 * @param noInherit        a CHECK marked {@code NO INHERIT}: it holds on this table and not on its children
 * @param nullsNotDistinct a UNIQUE constraint with {@code NULLS NOT DISTINCT} (PostgreSQL 15+)
 */
public record PostgresConstraint(boolean noInherit, boolean nullsNotDistinct) implements DialectOwn {

    /** Inherited by children, nulls distinct. */
    public static final PostgresConstraint DEFAULTS = new PostgresConstraint(false, false);

    /** Null (a constraint of another dialect, or a file that leaves the component out) means the defaults. */
    public static PostgresConstraint orDefaults(PostgresConstraint constraint) {
        return constraint == null ? DEFAULTS : constraint;
    }
}
