package dev.schemagate.junit5;

import org.junit.platform.commons.PreconditionViolationException;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a location as Flyway users write it into a folder: {@code db/migration} and
 * {@code classpath:db/migration} are looked up on the test class path (where Maven copies
 * {@code src/main/resources}), {@code filesystem:PATH} and plain folders that exist are taken
 * relative to the working directory.
 */
final class MigrationLocation {

    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";

    private MigrationLocation() {
    }

    static Path resolve(String location, ClassLoader loader) {
        String trimmed = location.strip();
        if (trimmed.startsWith(FILESYSTEM)) {
            return existing(Path.of(trimmed.substring(FILESYSTEM.length())), location);
        }
        boolean classpathOnly = trimmed.startsWith(CLASSPATH);
        String resource = (classpathOnly ? trimmed.substring(CLASSPATH.length()) : trimmed).replaceAll("^/+", "");
        URL url = loader.getResource(resource);
        if (url != null) {
            if (!"file".equals(url.getProtocol())) {
                throw new PreconditionViolationException("@MigrationTest(locations = \"" + location + "\"): " + url
                        + " is inside an archive; point at a folder with filesystem:PATH instead");
            }
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new PreconditionViolationException("@MigrationTest(locations = \"" + location + "\"): cannot read " + url, e);
            }
        }
        if (!classpathOnly && Files.isDirectory(Path.of(trimmed))) {
            return Path.of(trimmed);
        }
        throw new PreconditionViolationException("@MigrationTest(locations = \"" + location + "\"): no such folder on the "
                + "class path" + (classpathOnly ? "" : " or in " + Path.of("").toAbsolutePath())
                + "; put the migrations in src/main/resources/" + resource + " or write filesystem:PATH");
    }

    private static Path existing(Path folder, String location) {
        if (!Files.isDirectory(folder)) {
            throw new PreconditionViolationException("@MigrationTest(locations = \"" + location + "\"): " + folder.toAbsolutePath()
                    + " is not a folder; give the folder that holds the migration files");
        }
        return folder;
    }
}
