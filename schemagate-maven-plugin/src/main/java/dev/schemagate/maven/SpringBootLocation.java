package dev.schemagate.maven;

import dev.schemagate.migration.SpringBootMigrations;
import org.apache.maven.plugin.logging.Log;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The migrations a goal verifies when the POM names no {@code directory}: where the project's
 * Spring Boot settings say ({@code spring.liquibase.change-log}, {@code spring.flyway.locations},
 * or their defaults; see {@link SpringBootMigrations}), with their placeholders and parameters,
 * else Flyway's {@code src/main/resources/db/migration}.
 *
 * @param path     the migrations folder or changelog
 * @param settings the run's flat {@code flyway.*} and {@code liquibase.*} settings
 */
record SpringBootLocation(Path path, Map<String, String> settings) {

    /** The settings, with the goal's own contexts and labels over the Spring Boot ones where it sets them. */
    Map<String, String> settings(String contexts, String labels) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        if (contexts != null && !contexts.isBlank()) {
            all.put("liquibase.contexts", contexts);
        }
        if (labels != null && !labels.isBlank()) {
            all.put("liquibase.labels", labels);
        }
        return all;
    }

    static SpringBootLocation of(File directory, File basedir, Log log) {
        if (directory != null) {
            return new SpringBootLocation(directory.toPath(), Map.of());
        }
        Path project = basedir.toPath();
        return SpringBootMigrations.ofProject(project).map(found -> {
            log.info("Migrations: " + found.location() + " (" + found.origin() + ")");
            return new SpringBootLocation(found.location(), found.settings());
        }).orElse(new SpringBootLocation(project.resolve("src/main/resources/db/migration"), Map.of()));
    }
}
