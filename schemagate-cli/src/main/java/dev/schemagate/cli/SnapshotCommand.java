package dev.schemagate.cli;

import dev.schemagate.dialect.Dialect;
import dev.schemagate.engine.SnapshotSource;
import dev.schemagate.migration.InputException;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code schemagate snapshot SOURCE}: the full schema of a source, as exact JSON or as a schema file. */
@Command(name = "snapshot", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Capture the full schema of a migrations folder (DIR or DIR@VERSION), a Spring Boot project folder "
                + "(its migrations where its application settings say), a .sql file, a snapshot .json, or a live database "
                + "(jdbc: URL, read-only).")
public final class SnapshotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "DIR, DIR@VERSION, FILE.sql, FILE.json or a jdbc: URL; a DIR "
            + "holding src/main/resources is a Spring Boot project, read as verify reads one.")
    String source;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE; .json gives the exact model, .sql a dependency-ordered schema file. Default: SQL on standard output.")
    Path output;

    @Option(names = "--extension-versions", description = "Pin each extension to the version the source has in "
            + "the .sql file (then it loads only where that version is installed).")
    boolean extensionVersions;

    @Mixin
    SnapshotContentOptions content;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        Dialect dialect = database.dialect(source);
        SpringProjectSources.announce(database, spec.commandLine().getErr(), source);
        Snapshot snapshot = SnapshotSource.read(source, dialect, database.server(dialect, source), database.layout(),
                content.options());
        boolean json = output != null && output.getFileName().toString().toLowerCase().endsWith(".json");
        String text = json ? SnapshotJson.toJson(snapshot) : dialect.schemaSql(snapshot, extensionVersions);
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(output + ": cannot be written (" + e.getMessage() + ")");
        }
        int events = snapshot.mysql().events().size();
        spec.commandLine().getErr().printf("Wrote %s: %d tables, %d views, %d routines%s%n", output,
                snapshot.tables().size(), snapshot.views().size(), snapshot.routines().size(),
                events == 0 ? "" : ", " + events + " events");
        return ExitCode.OK;
    }
}
