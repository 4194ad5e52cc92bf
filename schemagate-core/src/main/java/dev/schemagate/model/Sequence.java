package dev.schemagate.model;

import dev.schemagate.model.dialect.PostgresSequence;

/**
 * A stand-alone sequence (identity columns' sequences belong to their column instead). Its current
 * value is data, not schema, and is not recorded. Its settings are common (MariaDB has sequences too);
 * a column owning it is PostgreSQL's.
 *
 * @param postgres what PostgreSQL alone says about the sequence; {@link PostgresSequence#DEFAULTS} for every
 *                 other dialect
 */
public record Sequence(String schema, String name, SequenceOptions options, String owner, String comment,
                       Privileges privileges, PostgresSequence postgres) implements SchemaObject {

    public Sequence {
        privileges = Privileges.orNone(privileges);
        postgres = PostgresSequence.orDefaults(postgres);
    }
}
