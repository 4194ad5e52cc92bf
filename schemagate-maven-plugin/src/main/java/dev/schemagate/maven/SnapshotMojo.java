package dev.schemagate.maven;

import dev.schemagate.dialect.Dialect;
import dev.schemagate.engine.SnapshotSource;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotJson;
import dev.schemagate.model.SnapshotOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * {@code mvn schemagate:snapshot}: what {@code schemagate snapshot} does, in the build: the full
 * schema of the migrations (or of {@code DIR@VERSION}, a {@code .sql} or {@code .json} file, or a
 * live database) as a schema file or exact JSON, by the output's extension.
 */
@Mojo(name = "snapshot", threadSafe = true, requiresProject = false)
public final class SnapshotMojo extends SchemaMojo {

    /** The file to write; .json gives the exact model, .sql a dependency-ordered schema file. */
    @Parameter(property = "schemagate.output", defaultValue = "${project.build.directory}/schemagate/schema.sql")
    File output;

    /** Leave owners out (they differ between environments). */
    @Parameter(property = "schemagate.noOwners", defaultValue = "false")
    boolean noOwners;

    /** Leave grants out (they differ between environments). */
    @Parameter(property = "schemagate.noPrivileges", defaultValue = "false")
    boolean noPrivileges;

    /** Pin each extension to the source's version in a .sql output (then it loads only where that version is installed). */
    @Parameter(property = "schemagate.extensionVersions", defaultValue = "false")
    boolean extensionVersions;

    @Override
    void run() {
        Dialect dialect = dialect(source);
        Snapshot snapshot = SnapshotSource.read(source, dialect, server().forSources(dialect, source), layout(),
                new SnapshotOptions(!noOwners, !noPrivileges));
        boolean json = output.getName().toLowerCase().endsWith(".json");
        write(output, json ? SnapshotJson.toJson(snapshot) : dialect.schemaSql(snapshot, extensionVersions));
        getLog().info(String.format("Wrote %s: %d tables, %d views, %d routines", output,
                snapshot.tables().size(), snapshot.views().size(), snapshot.routines().size()));
    }
}
