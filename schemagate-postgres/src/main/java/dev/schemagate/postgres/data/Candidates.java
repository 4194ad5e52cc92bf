package dev.schemagate.postgres.data;

import dev.schemagate.model.Domain;
import dev.schemagate.model.EnumType;
import dev.schemagate.model.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Values, as text, that a probe tries in a column to break one constraint: the edges of each kind
 * of type (zero, negatives, the largest, empty and long text, far dates), every label of an enum.
 * A domain offers its base type's, so a value its own checks refuse is among them. Which value
 * breaks which constraint the database itself judges; these are only the candidates.
 */
final class Candidates {

    private static final List<String> NUMBERS = List.of("-1", "0", "1", "-32768", "32767", "2147483647", "987654321");
    private static final List<String> TEXTS = List.of("", " ", "x", "X", "schemagate-probe", "SCHEMAGATE-PROBE",
            "x".repeat(300), "0", "-1");
    private static final List<String> TIMES = List.of("1900-01-01", "2999-12-31", "-infinity", "infinity", "2000-01-01");
    private static final List<String> UUIDS = List.of("00000000-0000-0000-0000-000000000000",
            "00000000-0000-4000-8000-0000000dead0");
    private static final List<String> JSONS = List.of("{}", "[]", "null", "1", "\"x\"");

    private final Snapshot snapshot;

    Candidates(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** Text values for a column of {@code type}; empty for types it has none for. */
    List<String> of(String type) {
        TypeName name = TypeName.parse(type);
        if (name.isArray()) {
            return List.of("{}");
        }
        if (name.user() != null) {
            Optional<EnumType> enumType = snapshot.postgres().enumType(name.user());
            if (enumType.isPresent()) {
                return enumType.get().labels();
            }
            Optional<Domain> domain = snapshot.postgres().domain(name.user());
            if (domain.isPresent()) {
                return of(domain.get().baseType());
            }
            return name.user().name().equals("citext") ? TEXTS : List.of();
        }
        String base = name.base().toLowerCase(Locale.ROOT);
        if (base.matches("smallint|integer|bigint|numeric|decimal|real|double precision|money")) {
            return NUMBERS;
        }
        if (base.matches("text|character varying|character|varchar|char|bpchar|name|citext")) {
            return TEXTS;
        }
        if (base.equals("boolean")) {
            return List.of("true", "false");
        }
        if (base.startsWith("timestamp") || base.equals("date")) {
            return TIMES;
        }
        if (base.equals("uuid")) {
            return UUIDS;
        }
        if (base.equals("json") || base.equals("jsonb")) {
            return JSONS;
        }
        return List.of();
    }

    /** The short candidates, for a key value that must match no referenced row. */
    List<String> orphans(String type) {
        List<String> values = new ArrayList<>(of(type));
        values.removeIf(value -> value.isEmpty() || value.length() > 100);
        return values;
    }
}
