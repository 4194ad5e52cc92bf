package dev.schemagate.corpus;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Finds the third-party test corpus, so that every corpus test looks for it the same way and is
 * skipped cleanly where it is absent: the {@code schemagate.corpus} system property (the build sets
 * it to the {@code shared/corpus} folder beside the checkout), else that folder as seen from a module.
 */
public final class Corpus {

    private Corpus() {
    }

    /** Where the corpus is, or would be; a test that can run without it checks it exists. */
    public static Path location() {
        String property = System.getProperty("schemagate.corpus");
        return (property == null || property.isBlank() ? Path.of("../../shared/corpus") : Path.of(property)).toAbsolutePath().normalize();
    }

    /** The corpus; the calling test is skipped when it is absent. */
    public static Path root() {
        return folder("");
    }

    /** The folder {@code relative} inside the corpus; the calling test is skipped when it is absent. */
    public static Path folder(String relative) {
        Path folder = relative.isEmpty() ? location() : location().resolve(relative);
        assumeTrue(Files.isDirectory(folder), "corpus folder " + folder + " is absent; corpus test skipped");
        return folder;
    }
}
