package dev.schemagate.migration;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a changelog: a history held in one file that names the others and decides what runs
 * (Liquibase XML, YAML and JSON changelogs). Readers are found with {@link java.util.ServiceLoader},
 * so that core carries no changelog parser: the module that reads a format brings the format's own
 * library.
 */
public interface ChangelogReader {

    /**
     * The changelog a path stands for: the path itself when it is a changelog file this reader
     * reads, or the master changelog a folder holds (such as {@code db.changelog-master.yaml}).
     */
    Optional<Path> changelog(Path path);

    /**
     * The changesets that run, as migrations in the order they run.
     *
     * @throws InputException when the changelog cannot be read; the message names the file and line
     */
    MigrationSet read(Path changelog, ChangelogSettings settings, DialectNames dialect);
}
