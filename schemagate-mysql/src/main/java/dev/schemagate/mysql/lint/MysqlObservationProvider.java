package dev.schemagate.mysql.lint;

import dev.schemagate.lint.ObservationProvider;
import dev.schemagate.lint.Seeder;
import dev.schemagate.lint.StatementObserver;

/** The MySQL dialect's observer and seeder for observed linting, found by {@link ObservationProvider#find}. */
public final class MysqlObservationProvider implements ObservationProvider {

    @Override
    public String dialect() {
        return "mysql";
    }

    @Override
    public StatementObserver observer() {
        return new MysqlStatementObserver();
    }

    @Override
    public Seeder seeder() {
        return new MysqlSeeder();
    }
}
