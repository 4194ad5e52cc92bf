package dev.schemagate.model;

import java.util.Comparator;
import java.util.List;

/**
 * A function or procedure. Overloads share a name and differ in {@code identityArguments};
 * {@code definition} ({@code pg_get_functiondef}) rebuilds it exactly.
 *
 * @param identityArguments the argument types that identify it: {@code integer, text}
 * @param arguments         the full argument list with names, modes and defaults
 * @param result            the return type ({@code TABLE(a integer)}, {@code SETOF t}...); null for a procedure
 * @param body              the source of the body; null for a SQL-standard {@code BEGIN ATOMIC} body
 * @param config            settings attached with SET, such as {@code search_path=pg_catalog}, sorted
 * @param dependsOn         the tables and views it needs to exist: row types in its signature, and
 *                          what a {@code BEGIN ATOMIC} body reads; sorted
 */
public record Routine(String schema, String name, Kind kind, String identityArguments, String arguments,
                      String result, String language, Volatility volatility, boolean strict,
                      boolean securityDefiner, boolean leakproof, Parallel parallel, double cost, double rows,
                      List<String> config, String body, String definition, List<QualifiedName> dependsOn,
                      String owner, String comment, Privileges privileges) implements SchemaObject {

    static final Comparator<Routine> ORDER = Canonical.<Routine>byQualifiedName()
            .thenComparing(Routine::identityArguments);

    /** What {@code prokind} says it is. */
    public enum Kind { FUNCTION, PROCEDURE, AGGREGATE, WINDOW }

    public enum Volatility { IMMUTABLE, STABLE, VOLATILE }

    public enum Parallel { SAFE, RESTRICTED, UNSAFE }

    public Routine {
        config = Canonical.sorted(config, String::compareTo);
        dependsOn = Canonical.sorted(dependsOn, QualifiedName.ORDER);
        privileges = Privileges.orNone(privileges);
    }

    /** {@code schema.name(identity arguments)}, unquoted; for people and as a unique key. */
    public String signature() {
        return schema + "." + name + "(" + identityArguments + ")";
    }
}
