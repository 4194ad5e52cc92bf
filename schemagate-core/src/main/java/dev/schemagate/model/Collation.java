package dev.schemagate.model;

/**
 * A collation created in the database (the built-in ones are not recorded).
 *
 * @param provider      {@code libc}, {@code icu} or {@code builtin}
 * @param collate       LC_COLLATE for libc collations, else null
 * @param ctype         LC_CTYPE for libc collations, else null
 * @param locale        the ICU or builtin locale, else null
 * @param rules         ICU tailoring rules (PostgreSQL 16+), else null
 * @param deterministic false for nondeterministic collations
 */
public record Collation(String schema, String name, String provider, String collate, String ctype, String locale,
                        String rules, boolean deterministic, String owner, String comment) implements SchemaObject {
}
