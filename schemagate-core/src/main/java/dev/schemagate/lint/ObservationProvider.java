package dev.schemagate.lint;

import java.util.Optional;
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
        return find(dialect).orElseThrow(() -> new IllegalArgumentException("no lint observation for dialect '"
                + dialect + "'; run with --static"));
    }

    /** The provider for a dialect, if one is on the class path. */
    static Optional<ObservationProvider> find(String dialect) {
        for (ObservationProvider provider : ServiceLoader.load(ObservationProvider.class)) {
            if (provider.dialect().equalsIgnoreCase(dialect)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }
}
