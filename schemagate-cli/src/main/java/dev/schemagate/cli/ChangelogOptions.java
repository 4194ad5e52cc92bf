package dev.schemagate.cli;

import dev.schemagate.dialect.Dialects;
import dev.schemagate.migration.ChangelogSettings;
import dev.schemagate.migration.SpringBootMigrations;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options that decide which changesets of a Liquibase changelog run and what their parameters
 * are, as Liquibase's own do, and where a Spring Boot project's settings put its migrations.
 */
final class ChangelogOptions {

    @Option(names = "--contexts", paramLabel = "EXPRESSION",
            description = "Liquibase contexts: only changesets whose context matches run (default: the Spring Boot settings', else all,"
                    + " as Liquibase does).")
    String contexts;

    @Option(names = "--labels", paramLabel = "EXPRESSION",
            description = "Liquibase label expression: only changesets whose labels match run (default: the Spring Boot settings', else all).")
    String labels;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "A Liquibase changelog parameter, ${NAME} in the changelog; repeat for more (over the Spring Boot settings' and"
                    + " schemagate.yml's liquibase.parameters).")
    List<String> param;

    @Option(names = "--spring-config", paramLabel = "FILE",
            description = "A Spring Boot application.yml or application.properties: verify the migrations its spring.liquibase.change-log"
                    + " or spring.flyway.locations name (or the defaults beside it), with its placeholders and parameters. A project"
                    + " folder (one holding src/main/resources) given as DIR is read this way without it.")
    Path springConfig;

    /**
     * The migrations a run on {@code directory} verifies and the run's flat settings: where the
     * Spring Boot settings say (saying so on {@code err}) when there are any, else the folder itself.
     * {@code database} names the dialect, if the run does, that {@code {vendor}} in Flyway's locations follows.
     */
    Located locate(Path directory, DatabaseOptions database, PrintWriter err) {
        Map<String, String> given = ChangelogSettings.given(contexts, labels, param);
        Optional<SpringBootMigrations> spring = SpringBootMigrations.forRun(directory, springConfig,
                Dialects.springVendors(database.dialect, database.dbUrl));
        spring.ifPresent(found -> {
            err.println("schemagate: migrations: " + found.location().normalize() + " (" + found.origin() + ")");
            err.flush();
        });
        return spring.map(found -> new Located(found.location(), found.settingsWith(given))).orElse(new Located(directory, given));
    }

    /** Where the migrations are, and the run's flat {@code flyway.*} and {@code liquibase.*} settings. */
    record Located(Path path, Map<String, String> settings) {
    }
}
