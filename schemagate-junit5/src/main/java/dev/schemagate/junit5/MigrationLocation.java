package dev.schemagate.junit5;

import org.junit.platform.commons.PreconditionViolationException;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns a location as Flyway users write it into a folder: {@code db/migration} and
 * {@code classpath:db/migration} are looked up on the test class path (where Maven copies
 * {@code src/main/resources}) and read from the source folder that copy came from when there is
 * one, {@code filesystem:PATH} and plain folders that exist are taken relative to the working
 * directory. Failures name the files with their full path, so they say which folder was read.
 */
final class MigrationLocation {

    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";
    /** Where Maven and Gradle copy resources to, and the source folder each copy comes from. */
    private static final Map<String, String> SOURCES_OF_OUTPUTS = Map.of(
            "target/classes", "src/main/resources", "target/test-classes", "src/test/resources",
            "build/resources/main", "src/main/resources", "build/resources/test", "src/test/resources");

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
                return sourceFolder(Path.of(url.toURI()), resource);
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

    /**
     * The folder a build tool copied {@code copy} from, when it is there: tests then read the
     * migrations as the user edits them, not a copy the last build left, which an IDE run may not
     * have refreshed. Maven's {@code target/(test-)classes} and Gradle's {@code build/resources/(main|test)}
     * map to {@code src/(main|test)/resources}; any other folder is read as it is.
     */
    static Path sourceFolder(Path copy, String resource) {
        Path output = ancestor(copy, Path.of(resource).getNameCount());
        for (Map.Entry<String, String> copied : SOURCES_OF_OUTPUTS.entrySet()) {
            Path outputFolder = Path.of(copied.getKey());
            if (output != null && output.endsWith(outputFolder)) {
                Path module = ancestor(output, outputFolder.getNameCount());
                Path source = module == null ? null : module.resolve(copied.getValue()).resolve(resource);
                if (source != null && Files.isDirectory(source)) {
                    return source;
                }
            }
        }
        return copy;
    }

    private static Path ancestor(Path path, int levels) {
        Path ancestor = path;
        for (int i = 0; i < levels && ancestor != null; i++) {
            ancestor = ancestor.getParent();
        }
        return ancestor;
    }

    private static Path existing(Path folder, String location) {
        if (!Files.isDirectory(folder)) {
            throw new PreconditionViolationException("@MigrationTest(locations = \"" + location + "\"): " + folder.toAbsolutePath()
                    + " is not a folder; give the folder that holds the migration files");
        }
        return folder;
    }
}
