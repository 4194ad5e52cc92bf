package dev.schemagate.maven;

import dev.schemagate.migration.InputException;
import dev.schemagate.model.SnapshotOptions;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * The parameters and the output of the goals that read a schema and write a file (snapshot and
 * diff), as the CLI's {@code SOURCE} parameter and its {@code --no-owners}/{@code --no-privileges}
 * options define them.
 */
abstract class SchemaMojo extends DatabaseMojo {

    /** DIR, DIR@VERSION, FILE.sql, FILE.json or a jdbc: URL (the CLI's SOURCE). */
    @Parameter(property = "schemagate.source", defaultValue = "${project.basedir}/src/main/resources/db/migration")
    String source;

    /** Leave owners out (they differ between environments). */
    @Parameter(property = "schemagate.noOwners", defaultValue = "false")
    boolean noOwners;

    /** Leave grants out (they differ between environments). */
    @Parameter(property = "schemagate.noPrivileges", defaultValue = "false")
    boolean noPrivileges;

    final SnapshotOptions snapshotOptions() {
        return new SnapshotOptions(!noOwners, !noPrivileges);
    }

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
