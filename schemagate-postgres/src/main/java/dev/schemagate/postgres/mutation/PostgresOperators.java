package dev.schemagate.postgres.mutation;

import dev.schemagate.mutation.MutationOperator;
import dev.schemagate.mutation.MutationOperatorProvider;

import java.util.List;

/** PostgreSQL's own mutation operators: the locking mistakes only its SQL can make. */
public final class PostgresOperators implements MutationOperatorProvider {

    @Override
    public String dialect() {
        return "postgres";
    }

    @Override
    public List<MutationOperator> operators() {
        return List.of(new RemoveConcurrently(), new RemoveNotValid(), new VolatileDefault(), new ValidateInSameTransaction(),
                new RemoveLockTimeout(), new AddRewrite());
    }
}
