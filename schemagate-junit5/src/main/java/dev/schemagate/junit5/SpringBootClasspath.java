package dev.schemagate.junit5;

import dev.schemagate.dialect.Dialects;
import dev.schemagate.migration.SpringBootMigrations;
import org.junit.platform.commons.PreconditionViolationException;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The migrations of a test class path as a Spring Boot application finds them: its
 * {@code application.yml} and {@code application.properties} resources (a test's own in
 * {@code src/test/resources} before the application's), read by {@link SpringBootMigrations}.
 */
final class SpringBootClasspath {

    private SpringBootClasspath() {
    }

    static SpringBootMigrations find(ClassLoader loader) {
        List<Path> files = SpringBootMigrations.FILES.stream().map(name -> file(loader, name)).flatMap(Optional::stream).toList();
        return SpringBootMigrations.find(SpringBootMigrations.properties(files), name -> file(loader, name), Path.of(""),
                        Dialects.springVendors(null, null))
                .orElseThrow(() -> new PreconditionViolationException("@MigrationTest without locations looks where Spring Boot"
                        + " does: spring.liquibase.change-log or spring.flyway.locations in application.yml or"
                        + " application.properties, else db/changelog/db.changelog-master.yaml or db/migration on the class"
                        + " path; none is there, so name the migrations with locations = \"...\""));
    }

    /** A class path resource that is a file or folder on disk (one inside a jar is not read). */
    private static Optional<Path> file(ClassLoader loader, String name) {
        URL url = loader.getResource(name);
        if (url == null || !Objects.equals(url.getProtocol(), "file")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
