package dev.schemagate.postgres.observe;

import dev.schemagate.lint.ObservationProvider;
import dev.schemagate.lint.Seeder;
import dev.schemagate.lint.StatementObserver;

/** PostgreSQL's observer and seeder for observed linting, registered as a service. */
public final class PostgresObservation implements ObservationProvider {

    @Override
    public String dialect() {
        return "postgres";
    }

    @Override
    public StatementObserver observer() {
        return new PostgresStatementObserver();
    }

    @Override
    public Seeder seeder() {
        return new ConstraintAwareSeeder();
    }
}
