package dev.schemagate.postgres.data;

import dev.schemagate.model.Domain;
import dev.schemagate.model.DomainConstraint;
import dev.schemagate.model.EnumType;
import dev.schemagate.model.Snapshot;

import java.util.List;
import java.util.Optional;

/**
 * Chooses how to generate the values of a column type: built-in types through {@link Scalars},
 * enums from their labels, domains from their base type within their checks, arrays of two elements,
 * and any type whose CHECK lists the allowed values from that list.
 */
final class Values {

    private final Snapshot snapshot;

    Values(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** A generator for {@code type} within {@code hints}, or null when the type is not one it can fill. */
    Generator forType(TypeName type, Hints hints, long salt) {
        if (!hints.allowed().isEmpty() && !type.isArray()) {
            List<String> allowed = hints.allowed();
            return Generator.of(k -> "(" + allowed.get(Math.floorMod(k, allowed.size())) + ")::" + type.text(),
                    k -> choice(k, allowed.stream().map(value -> "(" + value + ")::" + type.text()).toList()));
        }
        if (type.isArray()) {
            Generator element = forType(type.element(), Hints.NONE, salt);
            return element == null ? null : Generator.of(
                    k -> "ARRAY[" + element.literal(k) + ", " + element.literal(k + 1) + "]::" + type.text(),
                    k -> both(element.expression(k), element.expression("(" + k + " + 1)"), type));
        }
        if (type.user() == null) {
            return Scalars.forType(type, hints, salt);
        }
        Optional<EnumType> enumType = snapshot.postgres().enumType(type.user());
        if (enumType.isPresent()) {
            List<String> labels = enumType.get().labels();
            return labels.isEmpty() ? null : Generator.of(k -> Scalars.cast(labels.get(Math.floorMod(k, labels.size())), type),
                    k -> choice(k, labels.stream().map(label -> Scalars.cast(label, type)).toList()));
        }
        Optional<Domain> domain = snapshot.postgres().domain(type.user());
        if (domain.isPresent()) {
            Generator base = forType(TypeName.parse(domain.get().baseType()), hints.and(domainHints(domain.get())), salt);
            return base == null ? null : Generator.of(k -> "(" + base.literal(k) + ")::" + type.text(),
                    k -> base.expression(k) == null ? null : "(" + base.expression(k) + ")::" + type.text());
        }
        if (type.user().name().equals("citext")) {
            return Scalars.forType(new TypeName(type.text(), null, null, "citext", List.of()), hints, salt);
        }
        return null;
    }

    /** The type, or a domain it is based on (at any depth), is declared NOT NULL. */
    boolean notNull(TypeName type) {
        if (type.user() == null || type.isArray()) {
            return false;
        }
        return snapshot.postgres().domain(type.user())
                .map(domain -> domain.notNull() || notNull(TypeName.parse(domain.baseType())))
                .orElse(false);
    }

    /** The value at {@code k} modulo their count among {@code values}, as an SQL expression. */
    private static String choice(String k, List<String> values) {
        StringBuilder sql = new StringBuilder("CASE mod(").append(k).append(", ").append(values.size()).append(")");
        for (int i = 0; i < values.size(); i++) {
            sql.append(" WHEN ").append(i).append(" THEN ").append(values.get(i));
        }
        return sql.append(" END").toString();
    }

    private static String both(String first, String second, TypeName type) {
        return first == null || second == null ? null : "ARRAY[" + first + ", " + second + "]::" + type.text();
    }

    private static Hints domainHints(Domain domain) {
        return CheckParser.hints(domain.constraints().stream().map(DomainConstraint::definition).toList(), "VALUE");
    }
}
