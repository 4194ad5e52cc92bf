package dev.schemagate.model;

import java.util.Comparator;
import java.util.List;

/**
 * A domain: a base type narrowed by a default, NOT NULL and named constraints.
 *
 * @param baseType          the base type as {@code format_type} gives it, with modifiers
 * @param collation         the collation if it is not the base type's default, else null
 * @param defaultExpression the default, or null
 */
public record Domain(String schema, String name, String baseType, String collation, String defaultExpression,
                     boolean notNull, List<DomainConstraint> constraints, String owner, String comment,
                     Privileges privileges) implements SchemaObject {

    public Domain {
        constraints = Canonical.sorted(constraints, Comparator.comparing(DomainConstraint::name));
        privileges = Privileges.orNone(privileges);
    }
}
