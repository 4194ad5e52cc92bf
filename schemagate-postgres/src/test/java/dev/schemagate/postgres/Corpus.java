package dev.schemagate.postgres;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the third-party test corpus (system property {@code schemagate.corpus}), or skips the test. */
final class Corpus {

    private Corpus() {
    }

    /** The folder {@code relative} inside the corpus; the calling test is skipped when it is absent. */
    static Path folder(String relative) {
        String root = System.getProperty("schemagate.corpus");
        assumeTrue(root != null, "system property schemagate.corpus is not set; corpus test skipped");
        Path folder = Path.of(root).resolve(relative);
        assumeTrue(Files.isDirectory(folder), "corpus folder " + folder + " is absent; corpus test skipped");
        return folder;
    }
}
