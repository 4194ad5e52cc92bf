package dev.schemagate.migration;

import java.nio.file.Path;
import java.util.List;

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
}
