package dev.schemagate.cli;

import dev.schemagate.dialect.Dialects;
import dev.schemagate.migration.SpringBootMigrations;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Says where a Spring Boot project folder given as a source ({@code snapshot}, {@code diff}) keeps
 * its migrations, as {@code verify} and {@code lint} say of theirs, so that a user sees which folder
 * the settings named and why.
 */
final class SpringProjectSources {

    private SpringProjectSources() {
    }

    /**
     * Prints, for each source that is a Spring Boot project folder (optionally {@code @VERSION}), where
     * its migrations are: the folder that chose the run's dialect, as the options name it (see
     * {@link dev.schemagate.dialect.DialectChoice#forSources}).
     */
    static void announce(DatabaseOptions database, PrintWriter err, String... sources) {
        for (String source : sources) {
            if (source.startsWith("jdbc:")) {
                continue;
            }
            Path path = Path.of(source);
            Path folder = Files.exists(path) ? path : Path.of(source.replaceFirst("@[^/\\\\]*$", ""));
            if (Files.isDirectory(folder)) {
                SpringBootMigrations.forRun(folder, null, Dialects.springVendors(database.dialect, database.dbUrl)).ifPresent(found ->
                        err.println("schemagate: migrations of " + source + ": " + found.location().normalize() + " (" + found.origin() + ")"));
            }
        }
        err.flush();
    }
}
