package dev.schemagate.postgres.data;

/** Makes the SQL literal (with its cast) of one column's value in the row of number {@code k}. */
@FunctionalInterface
interface Generator {

    /** Distinct {@code k} give distinct values wherever the type has room for them. */
    String literal(long k);
}
