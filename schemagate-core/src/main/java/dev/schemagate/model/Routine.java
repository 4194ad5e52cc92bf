package dev.schemagate.model;

import dev.schemagate.model.dialect.MysqlRoutine;
import dev.schemagate.model.dialect.PostgresRoutine;

import java.util.Comparator;
import java.util.List;

/**
 * A function or procedure: what every dialect has in fields of its own, what one dialect alone says
 * in that dialect's component. Overloads share a name and differ in {@code identityArguments};
 * {@code definition} rebuilds it exactly.
 *
 * @param identityArguments the argument types that identify it: {@code integer, text}
 * @param arguments         the full argument list with names, modes and defaults
 * @param result            the return type ({@code TABLE(a integer)}, {@code SETOF t}...); null for a procedure
 * @param volatility        what it may do with the same arguments: MySQL's {@code DETERMINISTIC} is {@code IMMUTABLE},
 *                          its default {@code VOLATILE}
 * @param securityDefiner   it runs with its owner's rights ({@code SECURITY DEFINER}, MySQL's {@code SQL SECURITY DEFINER})
 * @param body              the source of the body; null for a SQL-standard {@code BEGIN ATOMIC} body
 * @param dependsOn         the tables and views it needs to exist: row types in its signature, and
 *                          what a {@code BEGIN ATOMIC} body reads; sorted
 * @param postgres          what PostgreSQL alone says about the routine; {@link PostgresRoutine#DEFAULTS} for every
 *                          other dialect
 * @param mysql             what MySQL and MariaDB alone say about the routine; null for every other dialect
 */
public record Routine(String schema, String name, Kind kind, String identityArguments, String arguments,
                      String result, String language, Volatility volatility, boolean securityDefiner, String body,
                      String definition, List<QualifiedName> dependsOn, String owner, String comment,
                      Privileges privileges, PostgresRoutine postgres, MysqlRoutine mysql) implements SchemaObject {

    static final Comparator<Routine> ORDER = Canonical.<Routine>byQualifiedName()
            .thenComparing(Routine::identityArguments);

    /** What it is: aggregates and window functions are PostgreSQL's, functions and procedures every dialect's. */
    public enum Kind { FUNCTION, PROCEDURE, AGGREGATE, WINDOW }

    public enum Volatility { IMMUTABLE, STABLE, VOLATILE }

    public Routine {
        dependsOn = Canonical.sorted(dependsOn, QualifiedName.ORDER);
        privileges = Privileges.orNone(privileges);
        postgres = PostgresRoutine.orDefaults(postgres);
    }

    /** {@code schema.name(identity arguments)}, unquoted; for people and as a unique key. */
    public String signature() {
        return schema + "." + name + "(" + identityArguments + ")";
    }
}
