package dev.schemagate.liquibase;

import dev.schemagate.migration.ChangelogReader;
import dev.schemagate.migration.ChangelogSettings;
import dev.schemagate.migration.DialectNames;
import dev.schemagate.migration.InputException;
import dev.schemagate.migration.MigrationSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads Liquibase XML, YAML and JSON changelogs (registered as a {@link ChangelogReader}): a file
 * with one of those extensions whose text is a {@code databaseChangeLog}, or the master changelog a
 * folder holds under Spring Boot's name, {@code db.changelog-master.yaml} (or {@code .yml},
 * {@code .xml}, {@code .json}).
 */
public final class LiquibaseChangelogReader implements ChangelogReader {

    /** The master changelog names looked for in a folder, Spring Boot's default first. */
    public static final List<String> MASTER_NAMES = List.of("db.changelog-master.yaml", "db.changelog-master.yml",
            "db.changelog-master.xml", "db.changelog-master.json");
    private static final List<String> EXTENSIONS = List.of(".xml", ".yaml", ".yml", ".json");

    @Override
    public Optional<Path> changelog(Path path) {
        if (Files.isDirectory(path)) {
            return MASTER_NAMES.stream().map(path::resolve).filter(Files::isRegularFile).findFirst();
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(path) || EXTENSIONS.stream().noneMatch(name::endsWith)) {
            return Optional.empty();
        }
        try {
            return Files.readString(path).contains("databaseChangeLog") ? Optional.of(path) : Optional.empty();
        } catch (IOException e) {
            throw new InputException(path + ": cannot be read (" + e.getMessage() + "); check that it may be read", e);
        }
    }

    @Override
    public MigrationSet read(Path changelog, ChangelogSettings settings, DialectNames dialect) {
        return new ChangelogRun(changelog, settings, dialect).migrations();
    }
}
