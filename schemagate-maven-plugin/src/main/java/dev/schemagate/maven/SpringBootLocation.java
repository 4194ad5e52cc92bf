package dev.schemagate.maven;

import dev.schemagate.dialect.Dialects;
import dev.schemagate.migration.ChangelogSettings;
import dev.schemagate.migration.SpringBootMigrations;
import org.apache.maven.plugin.logging.Log;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The migrations a goal verifies when the POM names no {@code directory}: where the project's
 * Spring Boot settings (or the {@code springConfig} file) say ({@code spring.liquibase.change-log},
 * {@code spring.flyway.locations}, or their defaults; see {@link SpringBootMigrations}), with their
 * placeholders and parameters, else Flyway's {@code src/main/resources/db/migration}.
 *
 * @param path   the migrations folder or changelog
 * @param spring the Spring Boot settings that named it, if any
 */
record SpringBootLocation(Path path, Optional<SpringBootMigrations> spring) {

    /** The run's flat settings: the goal's own contexts, labels and parameters over the Spring Boot ones where it sets them. */
    Map<String, String> settings(String contexts, String labels, List<String> parameters) {
        Map<String, String> given = ChangelogSettings.given(contexts, labels, parameters);
        return spring.map(found -> found.settingsWith(given)).orElse(given);
    }

    /** {@code dialect} and {@code dbUrl}, the goal's, name the dialect (if any) that {@code {vendor}} in Flyway's locations follows. */
    static SpringBootLocation of(File directory, File basedir, File springConfig, String dialect, String dbUrl, Log log) {
        if (directory != null) {
            return new SpringBootLocation(directory.toPath(), Optional.empty());
        }
        Path project = basedir.toPath();
        Optional<SpringBootMigrations> spring = SpringBootMigrations.forRun(project, springConfig == null ? null : springConfig.toPath(),
                Dialects.springVendors(dialect, dbUrl));
        spring.ifPresent(found -> log.info("Migrations: " + found.location() + " (" + found.origin() + ")"));
        return spring.map(found -> new SpringBootLocation(found.location(), spring))
                .orElse(new SpringBootLocation(project.resolve("src/main/resources/db/migration"), Optional.empty()));
    }
}
