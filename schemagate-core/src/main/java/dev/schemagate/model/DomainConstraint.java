package dev.schemagate.model;

/**
 * A named constraint of a domain.
 *
 * @param definition as {@code pg_get_constraintdef} gives it: {@code CHECK ((VALUE > 0))}, {@code NOT NULL}
 * @param validated  false when added NOT VALID and not validated since
 */
public record DomainConstraint(String name, String definition, boolean validated, String comment) {
}
