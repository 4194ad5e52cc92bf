package dev.schemagate.migration;

import java.nio.file.Path;

/**
 * A place in a migration file, so that every message can say where: 1-based line and column.
 * A location without a file (for example, a finding about the whole run) has a null file.
 */
public record Location(Path file, int line, int column) {

    public static Location of(Path file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        String name = file == null ? "" : file.toString();
        if (line <= 0) {
            return name;
        }
        return column <= 0 ? name + ":" + line : name + ":" + line + ":" + column;
    }
}
