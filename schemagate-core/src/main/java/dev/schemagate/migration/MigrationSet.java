package dev.schemagate.migration;

import java.nio.file.Path;
import java.util.List;

/**
 * The migrations of one folder, in the order they apply: versioned ones by version, then
 * repeatable ones by description.
 */
public record MigrationSet(Path directory, Layout layout, List<Migration> migrations) {

    public MigrationSet {
        migrations = List.copyOf(migrations);
    }
}
