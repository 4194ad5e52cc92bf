package dev.schemagate.maven;

import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * The parameters of every goal that runs a project's migrations (verify, mutate, profile): where
 * they are, which of them are history, the config, and the Liquibase and Spring Boot settings, as
 * the CLI's options of the same names define them.
 */
abstract class MigrationsMojo extends DatabaseMojo {

    /**
     * The migrations folder or Liquibase changelog (the CLI's DIR); by default where the project's
     * Spring Boot settings put it, else {@code src/main/resources/db/migration}.
     */
    @Parameter(property = "schemagate.directory")
    File directory;

    /** The project folder, whose Spring Boot settings say where the migrations are when {@code directory} does not. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /**
     * A git revision such as {@code origin/main}: migrations whose files it holds are history (only
     * applied), its files must not be edited, deleted or renamed, and new migrations must sort after them.
     */
    @Parameter(property = "schemagate.since")
    String since;

    /** The schemagate.yml to read (default: the one in the migrations folder, else the working directory's). */
    @Parameter(property = "schemagate.config")
    File config;

    /** Liquibase contexts: only changesets whose context matches run (default: the Spring Boot settings', else all). */
    @Parameter(property = "schemagate.contexts")
    String contexts;

    /** Liquibase label expression: only changesets whose labels match run (default: the Spring Boot settings', else all). */
    @Parameter(property = "schemagate.labels")
    String labels;

    /** Liquibase changelog parameters, {@code name=value} each, over the Spring Boot settings' (the CLI's {@code --param}). */
    @Parameter(property = "schemagate.param")
    List<String> param;

    /**
     * A Spring Boot {@code application.yml} or {@code application.properties} to read the migrations'
     * location, placeholders and parameters from (default: the project's own, when no {@code directory} is named).
     */
    @Parameter(property = "schemagate.springConfig")
    File springConfig;

    /** Where the migrations are: {@code directory}, else where the Spring Boot settings say (logged), else Flyway's default folder. */
    final SpringBootLocation location() {
        return SpringBootLocation.of(directory, basedir, springConfig, dialect, dbUrl, getLog());
    }

    /** The run's flat settings: the goal's contexts, labels and parameters over the Spring Boot ones. */
    final Map<String, String> settings(SpringBootLocation location) {
        return location.settings(contexts, labels, param);
    }
}
