package dev.schemagate.migration;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The migrations of one folder, in the order they apply: versioned ones by version, then
 * repeatable ones by description; and the files the folder's tool ignores.
 */
public record MigrationSet(Path directory, Layout layout, List<Migration> migrations, List<IgnoredFile> ignored) {

    public MigrationSet {
        migrations = List.copyOf(migrations);
        ignored = List.copyOf(ignored);
    }

    public MigrationSet(Path directory, Layout layout, List<Migration> migrations) {
        this(directory, layout, migrations, List.of());
    }

    /**
     * The migration whose up or down script holds a place: the one of its file, or, in a file that
     * declares several (Liquibase changesets), the last one declared at or before its line.
     */
    public Optional<Migration> owner(Location location) {
        if (location == null || location.file() == null) {
            return Optional.empty();
        }
        Path file = location.file().toAbsolutePath().normalize();
        TreeMap<Integer, Migration> declared = new TreeMap<>();
        for (Migration migration : migrations) {
            Stream.concat(Stream.of(migration.up()), migration.down().stream())
                    .filter(script -> script.file().toAbsolutePath().normalize().equals(file))
                    .forEach(script -> declared.put(script.line(), migration));
        }
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<Integer, Migration> at = declared.floorEntry(location.line());
        return Optional.of((at != null ? at : declared.firstEntry()).getValue());
    }
}
