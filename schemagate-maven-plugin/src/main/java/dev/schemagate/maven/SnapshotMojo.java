package dev.schemagate.maven;

import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.engine.SnapshotSource;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotJson;
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

    @Override
    void run() {
        Dialect dialect = Dialects.byId("postgres");
        Snapshot snapshot = SnapshotSource.read(source, dialect, server(), layout(), snapshotOptions());
        boolean json = output.getName().toLowerCase().endsWith(".json");
        write(output, json ? SnapshotJson.toJson(snapshot) : dialect.schemaSql(snapshot));
        getLog().info(String.format("Wrote %s: %d tables, %d views, %d routines", output,
                snapshot.tables().size(), snapshot.views().size(), snapshot.routines().size()));
    }
}
