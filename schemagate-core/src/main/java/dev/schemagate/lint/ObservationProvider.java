package dev.schemagate.lint;

import java.util.ServiceLoader;

/**
 * A dialect's observer and seeder for observed linting, found with {@link ServiceLoader} so that
 * the lint core never depends on a dialect module.
 */
public interface ObservationProvider {

    /** The dialect id it serves, such as {@code postgres}. */
    String dialect();

    StatementObserver observer();

    Seeder seeder();

    /** The provider for a dialect; an {@link IllegalArgumentException} when none is on the class path. */
    static ObservationProvider forDialect(String dialect) {
        for (ObservationProvider provider : ServiceLoader.load(ObservationProvider.class)) {
            if (provider.dialect().equalsIgnoreCase(dialect)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("no lint observation for dialect '" + dialect + "'; run with --static");
    }
}
