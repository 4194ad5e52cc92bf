package dev.schemagate.migration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The changelog readers on the class path ({@link ChangelogReader}, through {@link ServiceLoader}),
 * asked in turn whether a path is, or holds, a changelog they read.
 */
final class Changelogs {

    private Changelogs() {
    }

    /**
     * The migrations of the changelog {@code path} stands for, or empty when no reader takes it.
     * A file that no reader takes is an input error: only changelogs are given as files.
     */
    static Optional<MigrationSet> read(Path path, ChangelogSettings settings, DialectNames dialect) {
        List<ChangelogReader> readers = ServiceLoader.load(ChangelogReader.class, Changelogs.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList();
        for (ChangelogReader reader : readers) {
            Optional<Path> changelog = reader.changelog(path);
            if (changelog.isPresent()) {
                return Optional.of(reader.read(changelog.get(), settings, dialect));
            }
        }
        if (Files.isRegularFile(path)) {
            throw new InputException(path + ": is not a folder, nor a changelog Schemagate reads"
                    + (readers.isEmpty() ? " (changelogs need the schemagate-liquibase module on the class path)" : "")
                    + "; give the folder that holds the migration files, or a Liquibase changelog (.xml, .yaml, .yml, .json)");
        }
        return Optional.empty();
    }
}
