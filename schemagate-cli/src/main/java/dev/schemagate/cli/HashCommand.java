package dev.schemagate.cli;

import dev.schemagate.history.SumFile;
import dev.schemagate.migration.MigrationDiscovery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code schemagate hash DIR}: writes the sum file that lets {@code verify} tell, without git, when a
 * migration of the history was edited, deleted or renamed, or a new one sorts before it.
 */
@Command(name = "hash", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write " + MigrationDiscovery.SUM_FILE_NAME + " next to the migrations: the hash of every migration"
                + " file, which verify then checks (edited, deleted, renamed, out-of-order migrations).")
public final class HashCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "DIR",
            description = "The migrations folder (default: the current folder).")
    Path directory;

    @Override
    public Integer call() {
        SumFile sum = SumFile.of(directory);
        if (sum.hashes().isEmpty()) {
            throw new IllegalArgumentException(directory + ": holds no migration files to hash; give the migrations folder");
        }
        Path written = sum.write(directory);
        spec.commandLine().getOut().printf("Wrote %s (%d files); commit it with the migrations%n", written, sum.hashes().size());
        return ExitCode.OK;
    }
}
