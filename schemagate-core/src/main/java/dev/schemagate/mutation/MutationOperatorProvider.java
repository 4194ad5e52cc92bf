package dev.schemagate.mutation;

import java.util.List;

/**
 * The operators a dialect adds to the core ones, for mistakes only its SQL can make (PostgreSQL's
 * {@code CONCURRENTLY}, {@code NOT VALID}, ...). Found with {@link java.util.ServiceLoader}.
 */
public interface MutationOperatorProvider {

    /** The id of the dialect the operators are for. */
    String dialect();

    List<MutationOperator> operators();
}
