package dev.schemagate.maven;

import dev.schemagate.migration.InputException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * The parameters and the output of the goals that read a schema and write a file (snapshot and
 * diff), as the CLI's {@code SOURCE} parameter defines it.
 */
abstract class SchemaMojo extends DatabaseMojo {

    /** DIR, DIR@VERSION, FILE.sql, FILE.json or a jdbc: URL (the CLI's SOURCE). */
    @Parameter(property = "schemagate.source", defaultValue = "${project.basedir}/src/main/resources/db/migration")
    String source;

    /** Writes {@code text} to {@code output}, creating its folder; a failure names the parameter to check. */
    static void write(File output, String text) {
        try {
            Files.createDirectories(output.getAbsoluteFile().getParentFile().toPath());
            Files.writeString(output.toPath(), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(output + ": cannot be written (" + e.getMessage() + "); check <output>");
        }
    }
}
