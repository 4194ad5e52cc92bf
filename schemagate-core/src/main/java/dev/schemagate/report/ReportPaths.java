package dev.schemagate.report;

import dev.schemagate.migration.Location;

import java.nio.file.Path;

/**
 * Shows paths the way every report does: relative to the working directory when they are below
 * it, with {@code /} between names, so reports read the same on every machine and name no home
 * folder.
 *
 * @param base the folder paths are relative to (normally the working directory)
 */
public record ReportPaths(Path base) {

    public ReportPaths {
        base = base.toAbsolutePath().normalize();
    }

    /** Paths relative to the working directory. */
    public static ReportPaths workingDirectory() {
        return new ReportPaths(Path.of(""));
    }

    public String relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) && !absolute.equals(base) ? base.relativize(absolute) : path;
        return shown.toString().replace('\\', '/');
    }

    /** {@code file:line:column}, leaving out what the location does not know; empty for no file. */
    public String text(Location location) {
        if (location == null || location.file() == null) {
            return "";
        }
        String file = relative(location.file());
        if (location.line() <= 0) {
            return file;
        }
        return file + ":" + location.line() + (location.column() > 0 ? ":" + location.column() : "");
    }
}
